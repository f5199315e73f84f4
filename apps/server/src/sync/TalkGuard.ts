/**
 * What each talking role may write in a talk document. A commenter: comment threads, as
 * themselves, nothing else. The talk document holds both the conversation and the evidence
 * inbox, and Hocuspocus' read-only flag is per document, so without this a commenter's browser
 * could dismiss, re-open or forge inbox items (triage is for editors; submissions come through
 * the HTTP API with its limits and idempotency keys) or write comments under another name.
 * Editors and owners write anywhere but the votes root (only the server writes votes: a
 * browser could otherwise plant or commit a vote), and comments, resolutions and triage
 * decisions only as themselves: with accounts a name on the map is a person, whoever's browser wrote it. Each
 * update is read without applying it (rootsTouched.ts: which roots it changes;
 * commentAuthorship.ts: whose comments) and refused, closing that document's connection with
 * CLOSE.writeRefused, before it reaches the live document, other clients or the log.
 */
import type { beforeSyncPayload, Extension } from "@hocuspocus/server";
import { TALK_ROOT, VOTE_ROOT } from "@journeymap/schema";
import type * as Y from "yjs";
import { rootsTouchedBy } from "./rootsTouched.ts";
import { canEdit, canTalk, parseDocumentName, ROLE, type Role } from "@journeymap/protocol";
import type { ConnectionContext } from "./Access.ts";
import { CLOSE } from "../limits.ts";
import { refuseCommentUpdate } from "./commentAuthorship.ts";
import { carriesUpdate } from "./messageHeader.ts";

/** Roots of the talk document each talking role may change. Editors and owners: all. */
const COMMENTER_ROOTS: ReadonlySet<string> = new Set([TALK_ROOT.threads, TALK_ROOT.comments]);

/** Closes this one document connection (Hocuspocus reads `code` and `reason`). */
export class TalkWriteRefused extends Error {
  readonly code = CLOSE.writeRefused.code;
  readonly reason: string;
  /** The roots the update would change, or why its comments are refused. */
  constructor(refusal: readonly string[] | string) {
    super(
      typeof refusal === "string"
        ? `Not allowed: ${refusal}`
        : `Not allowed to write: ${refusal.join(", ")}`,
    );
    this.reason = this.message.slice(0, 120);
  }
}

const VOTE_ROOT_BYTES = new TextEncoder().encode(VOTE_ROOT);

/** Whether `bytes` holds `part` anywhere (a plain scan: updates are small). */
function holds(bytes: Uint8Array, part: Uint8Array): boolean {
  outer: for (let i = 0; i <= bytes.length - part.length; i++) {
    for (let j = 0; j < part.length; j++) if (bytes[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether `update` could change the votes root, without decoding it when the answer is
 * plainly no: an item reaches a root either by naming it (the name is in the bytes) or
 * through an item already in the root, so while the document's votes root is empty and the
 * bytes never spell its name, the update cannot touch it. Keeps editors' keystrokes cheap on
 * talk documents that never held a vote.
 */
function mayTouchVotes(doc: Y.Doc, update: Uint8Array): boolean {
  const votes = doc.share.get(VOTE_ROOT);
  if (votes && (votes._map.size > 0 || votes._start !== null)) return true;
  return holds(update, VOTE_ROOT_BYTES);
}

/**
 * The roots `role` may not change that `update` would. The votes root is the server's alone
 * (it writes through its own connection, which this guard never sees): refused for everyone. A client that syncs normally never
 * sends an update with gaps (one connection delivers in order), so for commenters such an
 * update is refused rather than left waiting in the live document.
 */
export function disallowedRoots(doc: Y.Doc, update: Uint8Array, role: Role): string[] {
  if (role !== ROLE.commenter) {
    if (!mayTouchVotes(doc, update)) return [];
    return [...rootsTouchedBy(doc, update)].filter((root) => root === VOTE_ROOT);
  }
  return [...rootsTouchedBy(doc, update)].filter((root) => !COMMENTER_ROOTS.has(root));
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
  }: beforeSyncPayload<ConnectionContext>): Promise<void> {
    if (!carriesUpdate(type)) return;
    const role = context?.role;
    if (!role || !canTalk(role) || parseDocumentName(documentName)?.kind !== "talk") return;
    const refused = disallowedRoots(document, payload, role);
    if (refused.length > 0) throw new TalkWriteRefused(refused);
    // Comments are bound to the connection's identity (H15: see commentAuthorship.ts).
    if (!context.authorId) throw new TalkWriteRefused("a connection without an identity");
    const why = refuseCommentUpdate(document, payload, {
      name: context.name ?? "Guest",
      authorId: context.authorId,
      moderator: canEdit(role),
    });
    if (why) throw new TalkWriteRefused(why);
  }
}
