/**
 * Emits comment.mentioned when someone posts a comment that mentions people. Comments are
 * written by clients straight into the talk document (the web app stores the names found with
 * @ in the comment's `mentions`), so this watches each loaded talk document for new comments.
 * Only comments that arrived from a connection of this instance count: the same update
 * relayed from another instance (origin "redis") was announced there, and loading a document
 * replays nothing through the observer (it is attached after the load).
 */
import {
  type afterLoadDocumentPayload,
  type Extension,
  isTransactionOrigin,
} from "@hocuspocus/server";
import { parseDocumentName } from "@journeymap/protocol";
import { readTalk, TALK_ROOT } from "@journeymap/schema";
import type * as Y from "yjs";
import type { EventBus } from "./EventBus.ts";
import { commentMentioned } from "./mapEvents.ts";

export class MentionEvents implements Extension {
  readonly extensionName = "journeymap-mention-events";
  private readonly events: EventBus;

  constructor(events: EventBus) {
    this.events = events;
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const parsed = parseDocumentName(documentName);
    if (parsed?.kind !== "talk") return;
    document
      .getMap(TALK_ROOT.comments)
      .observe((event, transaction) =>
        this.commentsChanged(parsed.mapId, document, event, transaction),
      );
  }

  private commentsChanged(
    mapId: string,
    doc: Y.Doc,
    event: Y.YMapEvent<unknown>,
    transaction: Y.Transaction,
  ): void {
    const origin = transaction.origin;
    if (!isTransactionOrigin(origin) || origin.source !== "connection") return;
    const added = new Set<string>();
    for (const [id, change] of event.changes.keys) if (change.action === "add") added.add(id);
    if (added.size === 0) return;
    for (const thread of readTalk(doc).threads)
      for (const comment of thread.comments)
        if (added.has(comment.id) && comment.mentions.length > 0)
          void this.events.emit("comment.mentioned", mapId, commentMentioned(comment));
  }
}
