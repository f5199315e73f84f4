/**
 * File names for a map title, shared by every export (the Journeymap file here, PNG, SVG and
 * PDF in the web app). No zod: the main entry point exports it too.
 */

/** The title as a file name stem: readable, safe on every OS ("journey-map" if nothing is left). */
export function mapFileStem(title: string): string {
  const stem = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase()
    .slice(0, 60);
  return stem || "journey-map";
}

/** A file name for a map title. */
export function mapFileName(title: string, extension: string): string {
  return `${mapFileStem(title)}.${extension}`;
}
