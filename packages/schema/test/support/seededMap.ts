/** Fixtures shared by the schema's tests: a seeded map with deterministic ids and clock. */
import * as Y from "yjs";
import {
  createMapFromTemplate,
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  sequentialIds,
} from "../../src/index.ts";

/**
 * The default template (ids `t…`, created at 1) and an editor writing as the local user
 * (ids `e…`); `now` is the editor's clock (evidence dates), Date.now when omitted.
 */
export function seededMap(now?: () => number) {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
  const ctx = { origin: LOCAL_ORIGIN, ids: sequentialIds("e") };
  const editor = new MapEditor(doc, now ? { ...ctx, now } : ctx);
  return { doc, editor, map: () => readJourneyMap(doc) };
}

/** A separate document holding the state `doc` has now (what the server's /state returns). */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** How many updates `doc` emits while `run` runs (0: it wrote nothing). */
export function updatesDuring(doc: Y.Doc, run: () => void): number {
  let updates = 0;
  const count = () => updates++;
  doc.on("update", count);
  try {
    run();
  } finally {
    doc.off("update", count);
  }
  return updates;
}
