/** Freshness in words: "3 days", "1 year", and the hover line of a stale item. */
import type { ItemFreshness } from "@journeymap/schema";
import { formatDate } from "../ui/formatDate.ts";

export function daysText(days: number): string {
  if (days >= 730) return `${Math.floor(days / 365)} years`;
  if (days >= 365) return "1 year";
  return days === 1 ? "1 day" : `${days} days`;
}

/** "Not reviewed for 190 days · last changed by Ana on 3 Mar 2026 · verified by Ben on …". */
export function staleLine(item: ItemFreshness): string {
  const parts = [`Not reviewed for ${daysText(item.ageDays)}`];
  if (item.changed)
    parts.push(`last changed by ${item.changed.by} on ${formatDate(item.changed.at)}`);
  if (item.verified)
    parts.push(`verified by ${item.verified.by} on ${formatDate(item.verified.at)}`);
  return parts.join(" · ");
}
