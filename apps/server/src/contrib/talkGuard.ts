/**
 * What a commenter may write in a talk document: comment threads, nothing else. The talk
 * document holds both the conversation and the evidence inbox, and Hocuspocus' read-only flag
 * is per document, so without this a commenter's browser could dismiss, re-open or forge inbox
 * items (triage is for editors; submissions come through the API with its limits and
 * idempotency keys). The update is tried on a copy of the document and refused, before it
 * touches the live one, if it would change any root but the allowed ones.
 */
import type { beforeSyncPayload, Extension } from "@hocuspocus/server";
import { TALK_ROOT } from "@journeymap/schema";
import * as Y from "yjs";
import type { Role } from "../auth/tokens.ts";
import { parseDocumentName } from "../documentName.ts";

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Roots of the talk document each talking role may change. Editors and owners: all. */
const COMMENTER_ROOTS: ReadonlySet<string> = new Set([TALK_ROOT.threads, TALK_ROOT.comments]);

/** Closes this one document connection (Hocuspocus reads `code` and `reason`). */
export class TalkWriteRefused extends Error {
  readonly code = 4403;
  readonly reason: string;
  constructor(roots: readonly string[]) {
    super(`Commenters may write comments only, not: ${roots.join(", ")}`);
    this.reason = this.message.slice(0, 120);
  }
}

/** The root of a type: walk up through the items that hold nested types. */
type AnyType = Parameters<typeof Y.findRootTypeKey>[0];

function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item?.parent instanceof Y.AbstractType) current = current._item.parent;
  return current;
}

/** Stands for "parts of this update wait for changes the server has not seen". */
export const INCOMPLETE = "(an update with missing dependencies)";

/**
 * The names of the root types `update` would change in `doc` (insertions, field writes and
 * deletions alike), found by applying it to a copy. Updates already waiting for missing
 * dependencies are part of the copy's state too, so a change split over two updates is seen
 * when its second half lands. If the update itself leaves something waiting, its effect
 * cannot be known yet and INCOMPLETE is among the roots.
 */
export function rootsChangedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const pendingBefore = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  const roots = new Set<string>();
  copy.on("afterTransaction", (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) roots.add(Y.findRootTypeKey(rootOf(type)));
  });
  Y.applyUpdate(copy, update);
  const pendingAfter = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  if (pendingAfter && !pendingBefore) roots.add(INCOMPLETE);
  copy.destroy();
  return roots;
}

/**
 * The roots `role` may not change that `update` would. A client that syncs normally never
 * sends an update with gaps (one connection delivers in order), so for commenters such an
 * update is refused rather than left waiting in the live document.
 */
export function disallowedRoots(doc: Y.Doc, update: Uint8Array, role: Role): string[] {
  if (role !== "commenter") return [];
  return [...rootsChangedBy(doc, update)].filter((root) => !COMMENTER_ROOTS.has(root));
}

export class TalkGuard implements Extension {
  readonly extensionName = "journeymap-talk-guard";
  /** After UpdateGuard (the update decodes), before Persistence (nothing refused is logged). */
  readonly priority = 900;

  async beforeSync({
    type,
    payload,
    document,
    documentName,
    context,
  }: beforeSyncPayload<{ role?: Role }>): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (context?.role !== "commenter" || parseDocumentName(documentName)?.kind !== "talk") return;
    const refused = disallowedRoots(document, payload, context.role);
    if (refused.length > 0) throw new TalkWriteRefused(refused);
  }
}
