/** Dates as lists show them, in the browser's locale (formatters made once: lists are long). */

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "12 Mar 2026, 14:05". */
export function formatDate(ms: number): string {
  return DATE.format(ms);
}

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; the date beyond a week. */
export function formatAgo(ms: number, now: number = Date.now()): string {
  const elapsed = now - ms;
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return RELATIVE.format(-Math.floor(elapsed / MINUTE), "minute");
  if (elapsed < DAY) return RELATIVE.format(-Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 7 * DAY) return RELATIVE.format(-Math.floor(elapsed / DAY), "day");
  return formatDate(ms);
}
