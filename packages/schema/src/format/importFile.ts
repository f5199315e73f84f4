import type { CsvImportOptions } from "./csvTouchpoints.ts";
import { parseTouchpointCsv } from "./csvTouchpoints.ts";
import type { ImportKind, ImportPreview } from "./ImportPreview.ts";
import { parseMermaidJourney } from "./mermaidJourney.ts";
import { readMapFile } from "./readMapFile.ts";

/** The kind of a file, from its name if it has a known extension, otherwise from its text. */
export function detectImportKind(text: string, fileName = ""): ImportKind {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "mmd" || ext === "mermaid") return "mermaid";
  const start = text.replace(/^\ufeff/, "").trimStart();
  if (start.startsWith("{")) return "json";
  if (/^(%%[^\n]*\n\s*)*journey\b/.test(start)) return "mermaid";
  return "csv";
}

/** Any supported file to a preview; nothing is written anywhere. */
export function previewImport(
  text: string,
  kind: ImportKind = detectImportKind(text),
  options: CsvImportOptions = {},
): ImportPreview {
  if (kind === "json") return readMapFile(text);
  if (kind === "mermaid") return parseMermaidJourney(text);
  return parseTouchpointCsv(text, options);
}
