/** What a table cell shows when it is not being edited. */
import {
  type Card,
  cellRootName,
  channelKind,
  channelLabel,
  EMOTION_LABELS,
  emotionKey,
  type JourneyMap,
  type Phase,
  type Touchpoint,
} from "@journeymap/schema";
import { CHANNEL_ICONS } from "../../board/channelIcons.tsx";
import { laneValueText } from "../../board/laneValueText.ts";
import { RichText } from "../../ui/RichText.tsx";
import { ScoreChip } from "../ScoreChip.tsx";
import type { TableColumn } from "./tableColumns.ts";
import "../shared.css";
import "./TableCellContent.css";

const NO_CARDS: readonly Card[] = [];

function Empty() {
  return (
    <span className="tv-empty">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">empty</span>
    </span>
  );
}

export function TableCellContent({
  map,
  column,
  tp,
  phase,
  firstInPhase,
}: {
  map: JourneyMap;
  column: TableColumn;
  tp: Touchpoint;
  phase: Phase;
  firstInPhase: boolean;
}) {
  switch (column.kind) {
    case "phase":
      // Every row names its phase for screen readers; the eye sees it once per group.
      return firstInPhase ? (
        <span className="tv-phase">
          <span className="tv-swatch" style={{ background: phase.colour }} aria-hidden="true" />
          {phase.name}
        </span>
      ) : (
        <span className="visually-hidden">{phase.name}</span>
      );
    case "name":
      return <span className="tv-step">{tp.name}</span>;
    case "action":
      return tp.action ? <span>{tp.action}</span> : <Empty />;
    case "team":
      return tp.team ? <span>{tp.team}</span> : <Empty />;
    case "channel":
      return tp.channels.length === 0 ? (
        <Empty />
      ) : (
        <span className="tv-channels">
          {tp.channels.map((entry) => {
            const Icon = CHANNEL_ICONS[channelKind(entry)];
            return (
              <span key={entry} className="tv-channel">
                <Icon size={13} aria-hidden="true" />
                {channelLabel(entry)}
              </span>
            );
          })}
        </span>
      );
    case "value": {
      const lane = map.lanes.find((l) => l.id === column.laneId);
      const value = lane?.values.get(tp.id);
      if (!lane || value === undefined) return <Empty />;
      const text = laneValueText(lane, value);
      return lane.type === "link" && typeof value === "string" ? (
        <a href={value} target="_blank" rel="noopener noreferrer nofollow">
          {text}
        </a>
      ) : (
        <span className="tv-value">{text}</span>
      );
    }
    case "cell": {
      const cell = map.cells.get(cellRootName(column.laneId, tp.id));
      return cell?.text.trim() ? (
        <RichText content={cell.content} className="tv-text" />
      ) : (
        <Empty />
      );
    }
    case "emotion": {
      const point = map.emotions.get(emotionKey(column.personaId, tp.id));
      if (!point) return <span className="tv-empty">Not scored</span>;
      return (
        <span className="tv-score">
          <ScoreChip score={point.score} />
          {EMOTION_LABELS[point.score]}
        </span>
      );
    }
    case "cards": {
      const cards = (map.cardsByTouchpoint.get(tp.id) ?? NO_CARDS).filter(
        (c) => c.kind === column.cardKind,
      );
      if (cards.length === 0) return <Empty />;
      const rating = column.cardKind === "painPoint" ? "severity" : "impact";
      return (
        <ul className="tv-cards">
          {cards.map((c) => (
            <li key={c.id} className={c.status === "dismissed" ? "tv-card--dismissed" : undefined}>
              {c.title}{" "}
              <span className="tv-rating">
                ({rating} {c.rating}/5{c.status === "dismissed" ? ", dismissed" : ""})
              </span>
            </li>
          ))}
        </ul>
      );
    }
  }
}
