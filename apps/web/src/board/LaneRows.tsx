import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { EmotionPoint, Lane, Persona } from "@journeymap/schema";
import type { CommandTarget } from "../commands/CommandRegistry.ts";
import type { Peer } from "../sync/presence/presenceState.ts";
import { GridCell } from "./BoardCells.tsx";
import { type Column, COLUMN_WIDTH, columnKey } from "./columns.ts";
import { CurveLegend } from "./CurveLegend.tsx";
import { EMOTION_LANE_HEIGHT, EmotionLane, type EmotionLaneProps } from "./EmotionLane.tsx";
import { LaneHeader } from "./LaneHeader.tsx";
import { useActivePersona } from "./useActivePersona.ts";

export interface LaneRowsProps {
  readonly lanes: readonly Lane[];
  /** Their drag ids, stable while the lanes are. */
  readonly laneIds: readonly string[];
  readonly columns: readonly Column[];
  /** The indexes of the columns rendered now (the column window). */
  readonly shown: readonly number[];
  readonly personas: readonly Persona[];
  readonly emotions: ReadonlyMap<string, EmotionPoint>;
  readonly peers: readonly Peer[];
  readonly onDrag: EmotionLaneProps["onDrag"];
  readonly onMenu: (target: CommandTarget, anchor: HTMLElement) => void;
  /** Far out: cells draw only what the overview shows. */
  readonly overview: boolean;
}

/** One row per visible lane, from grid row 3: its header, then a cell per rendered column. */
export function LaneRows(props: LaneRowsProps) {
  const { lanes, columns, shown, personas } = props;
  const [active, setActive] = useActivePersona(personas);
  return (
    <SortableContext items={props.laneIds as string[]} strategy={verticalListSortingStrategy}>
      {lanes.map((lane, laneIndex) => {
        const row = laneIndex + 3;
        const header = (
          <LaneHeader key={`${lane.id}-h`} lane={lane} row={row} onMenu={props.onMenu} />
        );
        if (lane.kind === "emotions") {
          return [
            <LaneHeader key={`${lane.id}-h`} lane={lane} row={row} onMenu={props.onMenu}>
              <CurveLegend personas={personas} activeId={active?.id} onPick={setActive} />
            </LaneHeader>,
            <div
              key={lane.id}
              style={{
                gridRow: row,
                gridColumn: `2 / span ${columns.length}`,
                height: EMOTION_LANE_HEIGHT,
              }}
            >
              <EmotionLane
                columns={columns}
                shown={shown}
                columnWidth={COLUMN_WIDTH}
                personas={personas}
                active={active}
                onPick={setActive}
                emotions={props.emotions}
                peers={props.peers}
                onDrag={props.onDrag}
                overview={props.overview}
              />
            </div>,
          ];
        }
        return [
          header,
          ...shown.map((i) => {
            const column = columns[i]!;
            return (
              <GridCell
                key={`${lane.id}-${columnKey(column)}`}
                lane={lane}
                touchpoint={column.kind === "touchpoint" ? column.touchpoint : null}
                row={row}
                column={i}
                colour={column.phase.colour}
                overview={props.overview}
              />
            );
          }),
        ];
      })}
    </SortableContext>
  );
}
