/**
 * The history view of one map (`/maps/:id/history`): a timeline of bursts, a scrubber with
 * play/pause at several speeds showing the real board read-only as it was after any edit,
 * what each edit changed highlighted, filters by person and phase, named versions (compare
 * with now, restore), restoring one thing, and attribution of whatever is clicked.
 *
 * The pieces: `usePlayback` (where the replay is; its decisions in `playback.ts`),
 * `useVersions` and `useRestore` (edits of the live map), `useAttribution` (who did what);
 * this file composes them with the header, the replayed board, the side panel and the scrubber.
 */
import {
  authorsOf,
  type Burst,
  type ElementRef,
  parseElementKey,
  type RefOf,
  type RestorableKind,
  type JourneyMap,
  type MapChange,
  readJourneyMap,
} from "@journeymap/schema";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { connectingTo, type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { useLinkToken } from "../sync/useLinkToken.ts";
import { RESTORABLE } from "./ChangeList.tsx";
import { changeContextOf } from "./changeSentence.ts";
import { useSubMapTitles } from "./useSubMapTitles.ts";
import { HistoryHeader } from "./HistoryHeader.tsx";
import { HistoryNotices } from "./HistoryNotices.tsx";
import { useInHistory } from "./HistoryPeople.tsx";
import { HistorySide } from "./HistorySide.tsx";
import { highlightCss } from "./highlight.ts";
import { emptyChangesText, filteredBursts, filteredChanges } from "./historyFilters.ts";
import { HistoryApi } from "./HistoryApi.ts";
import { ReplayBoard } from "./ReplayBoard.tsx";
import { docAt } from "./replayedDoc.ts";
import { Scrubber } from "./Scrubber.tsx";
import { labelOf } from "./targetLabel.ts";
import { burstAt } from "./timelineNav.ts";
import { useAttribution } from "./useAttribution.ts";
import { useBurstsInPhase } from "./useBurstsInPhase.ts";
import { MomentMaps, mapsFromServer, visitBefore } from "./momentMaps.ts";
import { type Moment, useEditChanges } from "./useEditChanges.ts";
import { usePlayback } from "./usePlayback.ts";
import { useReplay } from "./useReplay.ts";
import { LastRestore } from "./LastRestore.tsx";
import { useLastRestore } from "./useLastRestore.ts";
import { useRestore } from "./useRestore.ts";
import { useVersions } from "./useVersions.ts";
import "./HistoryPage.css";

const NO_BURSTS: readonly Burst[] = [];

/** A selected element that can be restored on its own. */
function isRestorable(ref: ElementRef): ref is RefOf<RestorableKind> {
  return (RESTORABLE as ReadonlySet<string>).has(ref.kind);
}

interface HistoryViewProps {
  readonly mapId: string;
  /** The live map, or a stand-in (an empty, read-only, unsynced map) until it is joined. */
  readonly connection: MapConnection;
  /** The first moment is on screen, or the history cannot show one: join the live map now. */
  readonly onShown: () => void;
}

function HistoryView({ mapId, connection, onShown }: HistoryViewProps) {
  const live = connection.doc;
  // The replay comes from the history API, so the view opens before the live map has synced;
  // restoring and comparing with now wait for it.
  const liveReady = connection.synced;
  const canEdit = !connection.readOnly && liveReady;
  useInHistory(connection.awareness);
  const api = useMemo(() => new HistoryApi(mapId), [mapId]);
  const player = useReplay(api);
  // Maps at moments already seen: the map before the shown edit is mostly one of them.
  const moments = useMemo(() => new MomentMaps(mapsFromServer(api)), [api]);
  const visit = useCallback(
    (target: number, bursts: readonly Burst[]) => visitBefore(moments, bursts, target),
    [moments],
  );

  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (error) onShown();
  }, [error, onShown]);
  const [phase, setPhase] = useState<string | null>(null);
  const [moment, setMoment] = useState<Moment | null>(null);
  // Known only once the shown edit's changes are (below, from the playback's timeline).
  const [quiet, setQuiet] = useState(false);

  const playback = usePlayback({
    api,
    player,
    live,
    // With a phase filter, steps that did not touch the phase pass quickly.
    quiet,
    onError: setError,
    visit,
  });
  const { timeline, position, author } = playback.state;
  const restore = useRestore(live, mapId);
  const versions = useVersions({
    api,
    live,
    liveReady,
    restore,
    knownSeq: timeline?.seq ?? 0,
    onError: setError,
  });
  const lastRestore = useLastRestore({
    api,
    live,
    liveReady,
    restore,
    onSeek: playback.seekByHand,
    onError: setError,
  });
  const selection = useAttribution(api, timeline, setError);

  const bursts = timeline?.bursts ?? NO_BURSTS;
  // What the shown edit itself did, whichever way the replay got there (issue 16, R2).
  const edit = useEditChanges(moments, bursts, moment, setError);
  const stepMap = moment?.map ?? null;
  // Both filters apply to the changes listed and outlined, and to the timeline (issue 16, R3).
  const filter = useMemo(() => ({ author, phase }), [author, phase]);
  const shownChanges = useMemo(() => filteredChanges(edit, filter), [edit, filter]);
  const shownIsQuiet = !!phase && edit?.edit?.seq === moment?.seq && shownChanges.length === 0;
  useEffect(() => setQuiet(shownIsQuiet), [shownIsQuiet]);
  const inPhaseBursts = useBurstsInPhase(api.rows, bursts, phase, setError);
  const shownBursts = useMemo(
    () => filteredBursts(bursts, author, inPhaseBursts),
    [bursts, author, inPhaseBursts],
  );
  // The live map's title; read again when the timeline is (after live edits), not per step.
  // biome-ignore lint/correctness/useExhaustiveDependencies: timeline is the refresh signal
  const title = useMemo(() => readJourneyMap(live).meta.title, [live, timeline, liveReady]);
  const current = position ? burstAt(bursts, position.seq) : null;
  const subMapTitles = useSubMapTitles(mapId);
  const changeContext = useMemo(
    () => changeContextOf(edit, current, subMapTitles),
    [edit, current, subMapTitles],
  );
  const css = useMemo(() => highlightCss(shownChanges, ".history-board "), [shownChanges]);
  const onMoment = useCallback(
    (map: JourneyMap, seq: number) => {
      moments.put(seq, map);
      setMoment({ map, seq });
      afterPaint(onShown);
    },
    [moments, onShown],
  );

  // Stable per shown edit, so the memoized list of changes skips the renders of scrubber input.
  const restoreOne = useRef(restore.restoreOne);
  restoreOne.current = restore.restoreOne;
  const before = edit?.edit?.beforeSeq;
  const restoreChange = useMemo(
    () =>
      canEdit && before !== undefined
        ? (c: MapChange) => {
            // A thing this edit removed: bring it back as it was just before the edit.
            void docAt(api, before).then((doc) =>
              restoreOne.current(doc, c.entity as RestorableKind, c.id, `“${c.label}”`),
            );
          }
        : undefined,
    [canEdit, before, api],
  );

  const { selected } = selection;
  const selectedRef = selected === null ? null : parseElementKey(selected);
  const restorable = selectedRef && isRestorable(selectedRef) ? selectedRef : null;
  const canRestoreShown = canEdit && position !== null;

  return (
    <div className="history-page">
      <HistoryHeader
        mapId={mapId}
        title={liveReady ? title : (stepMap?.meta.title ?? "")}
        awareness={connection.awareness}
        authors={authorsOf(bursts)}
        author={author}
        onAuthor={playback.setAuthor}
        phases={stepMap?.phases.filter((p) => !p.synthetic) ?? []}
        phase={phase}
        onPhase={setPhase}
      />
      <HistoryNotices
        error={error}
        notice={restore.notice}
        onUndo={restore.undo}
        onDismiss={restore.dismiss}
      />
      <LastRestore last={lastRestore} canEdit={canEdit} />
      <div className="history-body">
        <main className="history-main">
          {position ? (
            <ReplayBoard
              doc={position.doc}
              seq={position.seq}
              css={css}
              onMoment={onMoment}
              onSelect={selection.select}
            />
          ) : (
            <p className="page-lede history-loading">Loading the history…</p>
          )}
        </main>
        <HistorySide
          selected={selected}
          selectedLabel={selected ? labelOf(selected, stepMap) : ""}
          attribution={
            selection.attribution && selected
              ? (selection.attribution.targets[selected] ?? null)
              : undefined
          }
          onCloseSelected={selection.close}
          onRestoreSelected={
            canRestoreShown && selected && restorable
              ? () =>
                  restore.restoreOne(
                    position.doc,
                    restorable.kind,
                    restorable.id,
                    labelOf(selected, stepMap),
                  )
              : undefined
          }
          changes={shownChanges}
          emptyChanges={emptyChangesText(edit, filter)}
          changesSeq={edit ? (edit.edit?.seq ?? 0) : null}
          changeContext={changeContext}
          onSelect={selection.select}
          onRestoreChange={restoreChange}
          versions={versions}
          canEdit={canEdit}
          seq={position?.seq ?? 0}
          onShowVersion={(v) => playback.seekByHand(v.seq)}
          bursts={shownBursts}
          current={current}
          onSeek={playback.seekByHand}
        />
      </div>
      <footer className="history-footer">
        <Scrubber
          seq={position?.seq ?? 0}
          total={timeline?.seq ?? 0}
          burst={current}
          playing={playback.state.playing}
          speed={playback.state.speed}
          loading={playback.state.loading}
          onSeek={playback.seekByHand}
          onPlay={playback.play}
          onSpeed={playback.setSpeed}
          onStep={playback.stepBy}
        />
      </footer>
    </div>
  );
}

/**
 * Runs `f` after the frame being prepared (a task after this layout effect). Not on an
 * animation frame: a page in a background tab gets none, and would never join the live map.
 */
function afterPaint(f: () => void): void {
  setTimeout(f, 0);
}

/**
 * The history route: shows the map's history from the history API, and joins the live map
 * (for restores, comparisons and who is here) once the first moment is painted. Joining at
 * once decoded the live map's state while the history decoded its own, and made the open
 * 1.4–1.5 times as long as the live board's (issue 16, R7).
 */
export default function HistoryPage({ mapId }: { mapId: string }) {
  // A share link's token is settled before the history API is called with it.
  const tokenSettled = useLinkToken(mapId);
  if (!tokenSettled) return null;
  return <HistoryWithLive mapId={mapId} />;
}

function HistoryWithLive({ mapId }: { mapId: string }) {
  const [join, setJoin] = useState(false);
  const onShown = useCallback(() => setJoin(true), []);
  // Until the live map is joined: an empty map, never synced, so nothing offers to edit it.
  const [standIn] = useState(() => connectingTo(mapId, new Y.Doc()));
  const connection = useMapConnection(mapId, join);
  if (connection?.refused) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert">
          <strong>This map's history cannot be opened.</strong> {connection.refused}{" "}
          <a href="/">All maps</a>
        </div>
      </div>
    );
  }
  return <HistoryView mapId={mapId} connection={connection ?? standIn} onShown={onShown} />;
}
