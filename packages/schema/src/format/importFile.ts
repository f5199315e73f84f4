import type { CsvImportOptions } from "./csvTouchpoints.ts";
import { parseTouchpointCsv } from "./csvTouchpoints.ts";
import type { ImportKind, ImportPreview } from "./ImportPreview.ts";
import { parseMermaidJourney } from "./mermaidJourney.ts";
import { readFrontMatter } from "./frontMatter.ts";
import { readMapFile } from "./readMapFile.ts";

/** The kind of a file, from its name if it has a known extension, otherwise from its text. */
export function detectImportKind(text: string, fileName = ""): ImportKind {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "mmd" || ext === "mermaid") return "mermaid";
  const start = text.replace(/^\ufeff/, "").trimStart();
  if (start.startsWith("{")) return "json";
  return /^journey\b/.test(firstStatement(afterFrontMatter(start))) ? "mermaid" : "csv";
}

/**
 * The first line that is neither blank nor a Mermaid comment (%%), trimmed; found by plain
 * search rather than a regex with nested repetition over the whole upload.
 */
function firstStatement(text: string): string {
  for (let from = 0; from < text.length; ) {
    const end = text.indexOf("\n", from);
    const line = text.slice(from, end === -1 ? text.length : end).trim();
    if (line !== "" && !line.startsWith("%%")) return line;
    if (end === -1) break;
    from = end + 1;
  }
  return "";
}

/** The text below Mermaid's YAML front matter, or all of it when there is none. */
function afterFrontMatter(text: string): string {
  if (!text.startsWith("---")) return text;
  const lines = text.split(/\r\n|\r|\n/);
  const frontMatter = readFrontMatter(lines);
  return typeof frontMatter === "object" && frontMatter
    ? lines.slice(frontMatter.end).join("\n")
    : text;
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
