/** Dates and counts for the history view, in the browser's locale. */

// One formatter each, made once: toLocaleTimeString builds a new one per call, and the
// timeline formats every burst on each render (it was the top self-time function of a step).
const TIME = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const DAY = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });

export function formatWhen(ts: number, now = Date.now()): string {
  const date = new Date(ts);
  const today = new Date(now);
  const sameDay =
    date.getFullYear() === today.getFullYear() &&
    date.getMonth() === today.getMonth() &&
    date.getDate() === today.getDate();
  const time = TIME.format(date);
  if (sameDay) return `today ${time}`;
  return `${DAY.format(date)} ${time}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
