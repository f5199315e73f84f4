/** The payloads of the events the map's own features emit, from what those features hold. */
import type { EventData, InboxItemView, Version } from "@journeymap/protocol/http";
import type { Comment } from "@journeymap/schema";

export function evidenceSubmitted(item: InboxItemView): EventData<"evidence.submitted"> {
  return {
    itemId: item.id,
    text: item.text,
    kind: item.kind,
    source: item.source,
    url: item.url,
    touchpointId: item.touchpointId,
    contributor: item.contributor,
    via: item.via,
  };
}

export function versionNamed(version: Version): EventData<"version.named"> {
  return {
    versionId: version.id,
    name: version.name,
    seq: version.seq,
    createdBy: version.createdBy,
  };
}

export function commentMentioned(comment: Comment): EventData<"comment.mentioned"> {
  return {
    threadId: comment.threadId,
    commentId: comment.id,
    author: comment.author,
    text: comment.text,
    mentions: [...comment.mentions],
  };
}
