/**
 * "Added by Ana · 3 days ago · Last changed by Ben · 5 min ago": who made a step or card and
 * who changed it last, in words a facilitator reads at a glance (issue 16, R6).
 */
import type { Attribution } from "@journeymap/schema";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DATE = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric" });

/** "just now", "5 min ago", "2 hours ago", "3 days ago", then the date. */
export function timeAgo(ts: number, now: number): string {
  const ago = Math.max(0, now - ts);
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (ago < MINUTE) return "just now";
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return count(Math.floor(ago / HOUR), "hour");
  if (ago < 30 * DAY) return count(Math.floor(ago / DAY), "day");
  return `on ${DATE.format(ts)}`;
}

/** The log's author as a person: the server's own edits (templates) are Journeymap's. */
export function personOf(author: string): string {
  return author === "server" ? "Journeymap" : author || "Someone";
}

/** ["Added by Ana · 3 days ago", "Last changed by Ben · 5 min ago"]; one part when unchanged. */
export function attributionParts(attribution: Attribution, now: number): string[] {
  const { created, changed } = attribution;
  const added = `Added by ${personOf(created.author)} · ${timeAgo(created.ts, now)}`;
  if (changed.seq === created.seq) return [added];
  return [added, `Last changed by ${personOf(changed.author)} · ${timeAgo(changed.ts, now)}`];
}

export function attributionText(attribution: Attribution, now: number): string {
  return attributionParts(attribution, now).join(" · ");
}
