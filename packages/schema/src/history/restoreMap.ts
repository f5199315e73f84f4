/**
 * Restores a whole earlier state of a map as a FORWARD edit: the live document is changed,
 * through ordinary writes in one transaction, until its content equals the old state. Stored
 * state is never replaced, so nobody's later work is lost from history, offline clients merge
 * cleanly (they see ordinary deletes and sets), and with the local origin the board's undo
 * manager can undo the restore itself.
 *
 * Evidence is only brought back, never removed: it is contributed by sales and support
 * through other channels, and a map restore is about the map's own content.
 */
import type * as Y from "yjs";
import {
  ENTITY_ROOTS,
  META,
  parseCardDescriptionRootName,
  parseCellRootName,
  ROOT,
} from "../layout.ts";
import type { MutationContext } from "../mutations/transact.ts";
import type { MapOrigin } from "../origin.ts";
import { cellRootNames } from "../read/records.ts";
import { type RestoreRecord, writeRestoreRecord } from "./restoreRecord.ts";
import {
  cellDiffers,
  entityOf,
  entityRoot,
  fragmentOf,
  restoreCell,
  restoreEmotion,
  restoreEntityMap,
} from "./yCopy.ts";

export interface RestoreOptions {
  /** The undo manager that should be able to undo the restore (cells are outside its usual scope). */
  readonly undo?: Y.UndoManager;
  /** Written in the same transaction when anything changed, so everyone learns of it. */
  readonly record?: RestoreRecord;
}

/** Meta fields that belong to the map's content (not its version bookkeeping). */
const CONTENT_META = [META.title, META.description] as const;

/** Cell roots whose content differs between the documents. */
export function differingCells(live: Y.Doc, old: Y.Doc): string[] {
  const names = new Set([...cellRootNames(live), ...cellRootNames(old)]);
  return [...names].filter((name) => cellDiffers(live, old, name));
}

/** Cell and card description roots whose content differs (a mirror shows descriptions too). */
function differingTexts(live: Y.Doc, old: Y.Doc, only?: ReadonlySet<string>): string[] {
  const all = (doc: Y.Doc) => [...doc.share.keys()];
  const names = only ? [...only] : [...new Set([...all(live), ...all(old)])];
  return names.filter(
    (name) =>
      (parseCellRootName(name) || parseCardDescriptionRootName(name)) &&
      cellDiffers(live, old, name),
  );
}

/** Adds the live fragments of these cells to the undo manager's scope before they change. */
export function trackCells(live: Y.Doc, names: readonly string[], undo?: Y.UndoManager): void {
  if (!undo) return;
  const fragments = names.map((n) => fragmentOf(live, n)).filter((f) => f !== null);
  if (fragments.length > 0) undo.addToScope(fragments);
}

/**
 * Makes the live map's content equal to `old`'s. Returns the number of entities, points and
 * cells written (0: the states already had the same content, and nothing was written).
 */
export function restoreMap(
  live: Y.Doc,
  old: Y.Doc,
  ctx: MutationContext,
  options: RestoreOptions = {},
): number {
  return syncContent(live, old, ctx, options, false);
}

/**
 * Makes `display` equal to `source` as the read model sees it (evidence and meta included), for
 * the history view: it shows every moment on ONE document, so the incremental reader repaints
 * only what differs between two moments (a fresh document per jump re-renders the whole board). The
 * display document is private to the page; it is never synced or stored. `only`: the names of
 * the roots of `source` that changed since `display` last equalled it (comparing all the others
 * is most of a mirror's cost after a step of a few rows).
 */
export function mirrorMap(display: Y.Doc, source: Y.Doc, only?: ReadonlySet<string>): number {
  // The server origin: no undo manager tracks it, and the document is never synced.
  return syncContent(display, source, { origin: MIRROR_ORIGIN }, {}, true, only);
}

const MIRROR_ORIGIN: MapOrigin = Object.freeze({ kind: "server", reason: "history view" });

function syncContent(
  live: Y.Doc,
  old: Y.Doc,
  ctx: MutationContext,
  options: RestoreOptions,
  removeEvidence: boolean,
  only?: ReadonlySet<string>,
): number {
  const changed = (name: string) => !only || only.has(name);
  // A restore leaves card descriptions as they are, as it did; the view must show them.
  const cells = removeEvidence ? differingTexts(live, old, only) : differingCells(live, old);
  trackCells(live, cells, options.undo);
  let writes = 0;
  live.transact(() => {
    const fromMeta = old.getMap(ROOT.meta);
    const toMeta = live.getMap(ROOT.meta);
    // A mirror shows the whole meta (created, schema version); a restore only the content.
    const metaKeys = removeEvidence ? [...fromMeta.keys()] : CONTENT_META;
    for (const key of changed(ROOT.meta) ? metaKeys : []) {
      const value = fromMeta.get(key);
      if (value === undefined || toMeta.get(key) === value) continue;
      toMeta.set(key, value);
      writes++;
    }
    // A mirror also drops what the moment shown does not have yet (a title set later).
    for (const key of removeEvidence && changed(ROOT.meta) ? [...toMeta.keys()] : []) {
      if (fromMeta.has(key)) continue;
      toMeta.delete(key);
      writes++;
    }
    for (const root of ENTITY_ROOTS) {
      if (!changed(ROOT[root])) continue;
      entityRoot(old, root).forEach((_value, id) => {
        if (restoreEntityMap(live, old, root, id)) writes++;
      });
      if (root === "evidence" && !removeEvidence) continue;
      const target = entityRoot(live, root);
      for (const id of [...target.keys()]) {
        if (!entityOf(old, root, id) && target.has(id)) {
          target.delete(id);
          writes++;
        }
      }
    }
    const keys = new Set(
      changed(ROOT.emotions)
        ? [...old.getMap(ROOT.emotions).keys(), ...live.getMap(ROOT.emotions).keys()]
        : [],
    );
    for (const key of keys) if (restoreEmotion(live, old, key)) writes++;
    for (const name of cells) if (restoreCell(live, old, name)) writes++;
    if (writes > 0 && options.record) writeRestoreRecord(live, options.record);
  }, ctx.origin);
  return writes;
}
