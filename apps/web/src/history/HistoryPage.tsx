/**
 * The history view of one map (`/maps/:id/history`): a timeline of bursts, a scrubber with
 * play/pause at several speeds showing the real board read-only as it was after any edit,
 * what each step changed highlighted, filters by person and phase, named versions (compare
 * with now, restore), restoring one thing, and attribution of whatever is clicked.
 *
 * Restores are forward edits on the live map made here, in the browser, with the local
 * origin: they sync and merge like any edit, and the Undo in the notice reverts them.
 */
import {
  createBoardUndoManager,
  diffMaps,
  type JourneyMap,
  LOCAL_ORIGIN,
  type MapChange,
  type RestorableKind,
  readJourneyMap,
  restoreEntity,
  restoreMap,
  authorsOf,
  type Burst,
  HistoryPlayer,
} from "@journeymap/schema";
import { ArrowLeft, Info, Undo2 } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import "../styles/board.css";
import "./history.css";
import { navigate } from "../router.ts";
import { displayName } from "../sync/tokens.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { AttributionCard } from "./AttributionCard.tsx";
import { ChangeList, RESTORABLE } from "./ChangeList.tsx";
import { changesInPhase, highlightCss } from "./highlight.ts";
import { HistoryPeople, useInHistory } from "./HistoryPeople.tsx";
import { HistoryApi, type AttributionTable, type Timeline, type Version } from "./historyApi.ts";

import { ReplayBoard } from "./ReplayBoard.tsx";
import { STEP_MS, Scrubber } from "./Scrubber.tsx";
import { Timeline as TimelineList } from "./Timeline.tsx";
import { burstAt, nextStop, previousStop, visibleBursts } from "./timelineNav.ts";
import { type Comparison, VersionsPanel } from "./VersionsPanel.tsx";

const NO_BURSTS: readonly Burst[] = [];

/** How long after a live edit the timeline is fetched again. */
const REFRESH_MS = 1500;

interface Notice {
  readonly text: string;
  readonly undoable: boolean;
}

function labelOf(target: string, map: JourneyMap | null): string {
  const [kind, ...rest] = target.split(":");
  const id = rest.join(":");
  if (!map) return target;
  switch (kind) {
    case "phase":
      return `Phase “${map.phases.find((p) => p.id === id)?.name ?? id}”`;
    case "touchpoint":
      return `Step “${map.touchpoints.find((t) => t.id === id)?.name ?? id}”`;
    case "lane":
      return `Lane “${map.lanes.find((l) => l.id === id)?.name ?? id}”`;
    case "card": {
      for (const cards of map.cardsByTouchpoint.values()) {
        const card = cards.find((c) => c.id === id);
        if (card) return `Card “${card.title}”`;
      }
      return "Card";
    }
    case "cell": {
      const cell = map.cells.get(id);
      const lane = map.lanes.find((l) => l.id === cell?.laneId)?.name ?? "Cell";
      const step = map.touchpoints.find((t) => t.id === cell?.touchpointId)?.name;
      return step ? `${lane} · ${step}` : lane;
    }
    case "point":
      return "Emotion score";
    default:
      return target;
  }
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function HistoryView({ mapId, connection }: { mapId: string; connection: MapConnection }) {
  const live = connection.doc;
  // The replay comes from the history API, so the view opens before the live map has synced;
  // restoring and comparing with now wait for it.
  const liveReady = connection.synced;
  const canEdit = !connection.readOnly && liveReady;
  useInHistory(connection.awareness);
  const api = useMemo(() => new HistoryApi(mapId), [mapId]);
  const player = useMemo(() => new HistoryPlayer({ state: api.state, rows: api.rows }), [api]);
  const liveUndo = useMemo(() => createBoardUndoManager(live), [live]);
  useEffect(() => () => liveUndo.destroy(), [liveUndo]);

  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [position, setPosition] = useState<{ doc: Y.Doc; seq: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [author, setAuthor] = useState<string | null>(null);
  const [phase, setPhase] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [step, setStep] = useState<{
    changes: readonly MapChange[];
    map: JourneyMap | null;
    fromSeq: number;
  }>({ changes: [], map: null, fromSeq: 0 });
  const [versions, setVersions] = useState<Version[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const compared = useRef(new Map<string, Y.Doc>());
  const [selected, setSelected] = useState<string | null>(null);
  const [attribution, setAttribution] = useState<AttributionTable | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // Seeks coalesce: while one runs, only the latest wanted position is kept.
  const wanted = useRef<number | null>(null);
  const busy = useRef(false);
  const seek = useCallback(
    (seq: number) => {
      wanted.current = seq;
      if (busy.current) return;
      busy.current = true;
      setLoading(true);
      void (async () => {
        try {
          while (wanted.current !== null) {
            const target = wanted.current;
            wanted.current = null;
            const at = await player.seek(target);
            setPosition({ doc: at.doc, seq: at.seq });
          }
        } catch (e) {
          setError((e as Error).message);
          setPlaying(false);
        } finally {
          busy.current = false;
          setLoading(false);
        }
      })();
    },
    [player],
  );

  const loadVersions = useCallback(
    () => api.versions().then(setVersions, (e: Error) => setError(e.message)),
    [api],
  );

  // Open: the timeline, then the board as it is at the last logged edit.
  useEffect(() => {
    api.timeline().then(
      (t) => {
        setTimeline(t);
        seek(t.seq);
      },
      (e: Error) => setError(e.message),
    );
    void loadVersions();
  }, [api, seek, loadVersions]);

  // Live edits (anyone's, restores included) extend the timeline; follow them when at the end.
  const atEnd = useRef(true);
  atEnd.current = !!timeline && !!position && position.seq === timeline.seq;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const follow = atEnd.current;
        api.timeline().then(
          (t) => {
            setTimeline(t);
            if (follow) seek(t.seq);
          },
          () => {},
        );
      }, REFRESH_MS);
    };
    live.on("update", refresh);
    return () => {
      clearTimeout(timer);
      live.off("update", refresh);
    };
  }, [live, api, seek]);

  const bursts = timeline?.bursts ?? NO_BURSTS;
  const shownBursts = useMemo(() => visibleBursts(bursts, author), [bursts, author]);
  // A person's own move stops the player (stable, so the memoized timeline items keep still).
  const seekByHand = useCallback(
    (seq: number) => {
      setPlaying(false);
      seek(seq);
    },
    [seek],
  );
  // The live map's title; read again when the timeline is (after live edits), not per step.
  // biome-ignore lint/correctness/useExhaustiveDependencies: timeline is the refresh signal
  const title = useMemo(() => readJourneyMap(live).meta.title, [live, timeline, liveReady]);
  const current = position ? burstAt(bursts, position.seq) : null;
  const shownChanges = useMemo(
    () => (phase && step.map ? changesInPhase(step.changes, phase, [step.map]) : step.changes),
    [phase, step],
  );

  // Play: one burst per tick, through the chosen person's bursts only.
  useEffect(() => {
    if (!playing || !position || loading || !timeline) return;
    const next = nextStop(timeline.bursts, position.seq, author);
    if (next === null) {
      setPlaying(false);
      return;
    }
    // With a phase filter, steps that did not touch the phase pass quickly.
    const delay = phase && shownChanges.length === 0 ? 60 : STEP_MS / speed;
    const timer = setTimeout(() => seek(next), delay);
    return () => clearTimeout(timer);
  }, [playing, position, loading, timeline, author, phase, shownChanges, speed, seek]);

  const play = (on: boolean) => {
    if (on && timeline && position && nextStop(timeline.bursts, position.seq, author) === null) {
      seek(0); // at the end: play from the beginning
    }
    setPlaying(on);
  };

  const stepBy = (direction: -1 | 1) => {
    if (!timeline || !position) return;
    setPlaying(false);
    if (direction === 1) {
      const next = nextStop(timeline.bursts, position.seq, author);
      if (next !== null) seek(next);
    } else {
      seek(previousStop(timeline.bursts, position.seq, author));
    }
  };

  const select = useCallback(
    (target: string) => {
      setSelected(target);
      if (!attribution || (timeline && attribution.seq < timeline.seq)) {
        api.attribution().then(setAttribution, (e: Error) => setError(e.message));
      }
    },
    [api, attribution, timeline],
  );

  const afterRestore = (text: string) => {
    setNotice({ text, undoable: true });
  };

  const restoreVersion = async (version: Version) => {
    try {
      const old = docOf(await api.state(version.seq));
      liveUndo.stopCapturing();
      const writes = restoreMap(live, old, { origin: LOCAL_ORIGIN }, { undo: liveUndo });
      if (writes === 0)
        setNotice({ text: `The map already matches “${version.name}”.`, undoable: false });
      else afterRestore(`Restored “${version.name}” as a new edit on the live map.`);
      setComparison(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const restoreOne = (from: Y.Doc, kind: RestorableKind, id: string, label: string) => {
    liveUndo.stopCapturing();
    if (restoreEntity(live, from, { kind, id }, { origin: LOCAL_ORIGIN }, { undo: liveUndo })) {
      afterRestore(`Restored ${label} in place.`);
    }
  };

  const compare = async (version: Version) => {
    if (!liveReady) {
      setNotice({
        text: "Still connecting to the live map: compare again in a moment.",
        undoable: false,
      });
      return;
    }
    try {
      const old = docOf(await api.state(version.seq));
      compared.current.set(version.id, old);
      setComparison({ version, changes: diffMaps(readJourneyMap(old), readJourneyMap(live)) });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // A comparison follows the live map (e.g. after restoring one thing from it).
  useEffect(() => {
    if (!comparison) return;
    const update = () => {
      const old = compared.current.get(comparison.version.id);
      if (old)
        setComparison({
          version: comparison.version,
          changes: diffMaps(readJourneyMap(old), readJourneyMap(live)),
        });
    };
    live.on("update", update);
    return () => live.off("update", update);
  }, [comparison, live]);

  const css = useMemo(() => highlightCss(shownChanges, ".history-board "), [shownChanges]);
  const authors = authorsOf(bursts);
  const phases = step.map?.phases.filter((p) => !p.synthetic) ?? [];
  const selectedKind = selected?.split(":")[0] as RestorableKind | undefined;
  const selectedId = selected?.slice(selected.indexOf(":") + 1) ?? "";

  return (
    <div className="history-page">
      <header className="history-header">
        <a
          className="icon-btn"
          href={`/maps/${mapId}`}
          aria-label="Back to the board"
          data-testid="history.back"
          onClick={(e) => {
            e.preventDefault();
            navigate(`/maps/${mapId}`);
          }}
        >
          <ArrowLeft size={18} />
        </a>
        <div className="history-title">
          <h1>History</h1>
          <span className="history-subtitle">
            {liveReady ? title : (step.map?.meta.title ?? "")}
          </span>
        </div>
        <HistoryPeople awareness={connection.awareness} />
        <div className="history-filters">
          <label>
            <span>Person</span>
            <select
              value={author ?? ""}
              data-testid="history.filter-person"
              onChange={(e) => setAuthor(e.target.value || null)}
            >
              <option value="">Everyone</option>
              {authors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Phase</span>
            <select
              value={phase ?? ""}
              data-testid="history.filter-phase"
              onChange={(e) => setPhase(e.target.value || null)}
            >
              <option value="">All phases</option>
              {phases.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="history-note">
          <Info size={14} aria-hidden="true" /> Times are when the server received each edit: work
          done offline appears when it was synced.
        </p>
      </header>
      {error && (
        <div className="notice notice--error history-notice" role="alert">
          {error}
        </div>
      )}
      {notice && (
        <div className="notice history-notice" role="status" data-testid="history.notice">
          {notice.text}
          {notice.undoable && (
            <button
              type="button"
              className="btn"
              data-testid="history.undo"
              onClick={() => {
                liveUndo.undo();
                setNotice({ text: "Undone.", undoable: false });
              }}
            >
              <Undo2 size={14} /> Undo
            </button>
          )}
          <button type="button" className="btn btn--ghost" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="history-body">
        <main className="history-main">
          {position ? (
            <ReplayBoard
              doc={position.doc}
              seq={position.seq}
              css={css}
              onStep={(changes, map, fromSeq) => setStep({ changes, map, fromSeq })}
              onSelect={select}
            />
          ) : (
            <p className="page-lede history-loading">Loading the history…</p>
          )}
        </main>
        <aside className="history-side">
          {selected && (
            <AttributionCard
              target={selected}
              label={labelOf(selected, step.map)}
              attribution={attribution ? (attribution.targets[selected] ?? null) : undefined}
              onClose={() => setSelected(null)}
              {...(canEdit && position && RESTORABLE.has(selectedKind as never)
                ? {
                    onRestore: () =>
                      restoreOne(
                        position.doc,
                        selectedKind!,
                        selectedId,
                        labelOf(selected, step.map),
                      ),
                  }
                : {})}
            />
          )}
          <section className="history-section" aria-labelledby="step-title">
            <h2 id="step-title" className="history-section-title">
              Changed in this step
            </h2>
            <ChangeList
              changes={shownChanges}
              empty={
                phase
                  ? "Nothing in this phase changed in this step."
                  : "Nothing changed in this step."
              }
              testId="history.step-changes"
              onSelect={(c) => select(c.target)}
              {...(canEdit && position && step.map
                ? {
                    onRestore: (c: MapChange) => {
                      // A thing removed in this step: bring it back as it was just before.
                      void api
                        .state(step.fromSeq)
                        .then((s) =>
                          restoreOne(docOf(s), c.entity as RestorableKind, c.id, `“${c.label}”`),
                        );
                    },
                  }
                : {})}
            />
          </section>
          <VersionsPanel
            versions={versions}
            canEdit={canEdit}
            seq={position?.seq ?? 0}
            comparison={comparison}
            onCreate={(name) =>
              api
                .createVersion(name, position?.seq ?? 0, displayName())
                .then(loadVersions, (e: Error) => setError(e.message))
            }
            onRename={(v, name) =>
              api.renameVersion(v.id, name).then(loadVersions, (e: Error) => setError(e.message))
            }
            onDelete={(v) =>
              api.deleteVersion(v.id).then(loadVersions, (e: Error) => setError(e.message))
            }
            onShow={(v) => {
              setPlaying(false);
              seek(v.seq);
            }}
            onCompare={(v) => void compare(v)}
            onRestore={(v) => void restoreVersion(v)}
            onRestoreOne={(v, c) => {
              const old = compared.current.get(v.id);
              if (old) restoreOne(old, c.entity as RestorableKind, c.id, `“${c.label}”`);
            }}
          />
          <section className="history-section" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="history-section-title">
              Timeline
            </h2>
            <TimelineList bursts={shownBursts} current={current} onSeek={seekByHand} />
          </section>
        </aside>
      </div>
      <footer className="history-footer">
        <Scrubber
          seq={position?.seq ?? 0}
          total={timeline?.seq ?? 0}
          burst={current}
          playing={playing}
          speed={speed}
          loading={loading}
          onSeek={seekByHand}
          onPlay={play}
          onSpeed={setSpeed}
          onStep={stepBy}
        />
      </footer>
    </div>
  );
}

/**
 * The history route: connects to the live map (for restores, comparisons and who is here) and
 * shows its history at once, without waiting for that sync.
 */
export default function HistoryPage({ mapId }: { mapId: string }) {
  const connection = useMapConnection(mapId);
  if (!connection) return null;
  if (connection.refused) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert">
          <strong>This map's history cannot be opened.</strong> {connection.refused}{" "}
          <a href="/">All maps</a>
        </div>
      </div>
    );
  }
  return <HistoryView mapId={mapId} connection={connection} />;
}
