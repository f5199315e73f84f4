/**
 * Names of exported files: the map's title and the day of export, with what the file is
 * ("Onboarding journey - 2026-12-06 with comments.json"; an ASCII dash, because a browser in a
 * non-UTF-8 locale names a download with any other character in it "download"), so a client's folder stays
 * readable and two kinds of export never share a name.
 */

export const EXPORT_KINDS = ["png", "svg", "pdf-a3", "pdf-a4", "json", "json-comments"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const ENDINGS: Record<ExportKind, string> = {
  png: ".png",
  svg: ".svg",
  "pdf-a3": " A3.pdf",
  "pdf-a4": " A4.pdf",
  json: ".json",
  "json-comments": " with comments.json",
};

/** The title without characters that some systems refuse in file names ("Untitled map" if none is left). */
function safeTitle(title: string): string {
  const safe = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, 80)
    .trim();
  return safe || "Untitled map";
}

/** The day in the person's own time zone, as YYYY-MM-DD. */
function day(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function exportFileName(title: string, kind: ExportKind, date: Date): string {
  return `${safeTitle(title)} - ${day(date)}${ENDINGS[kind]}`;
}
