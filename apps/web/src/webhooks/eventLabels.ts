/** The events a webhook may send, as people read them. */
import type { SubscribableEvent } from "@journeymap/protocol/http";

export const EVENT_LABELS: Readonly<Record<SubscribableEvent, string>> = {
  "evidence.submitted": "Evidence submitted",
  "version.named": "Version named",
  "comment.mentioned": "Comment mentions someone",
  "item.stale": "Item became stale",
  "metric.target_crossed": "Metric crossed its target",
};

/** A label for any event name the log shows (the test event and unknown ones too). */
export function eventLabel(event: string): string {
  if (event === "webhook.test") return "Test event";
  return (EVENT_LABELS as Readonly<Record<string, string>>)[event] ?? event;
}
