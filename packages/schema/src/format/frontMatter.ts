/**
 * The YAML front matter Mermaid allows before a diagram (`---`, `config:`/`title:` lines,
 * `---`). We read only its top-level `title`; the rest (themes, fonts) has no place on a map.
 */

export interface FrontMatter {
  /** The index of the first line after the closing `---`. */
  readonly end: number;
  readonly title: string;
}

/** The front matter at the top of `lines`, null if there is none, "unclosed" if it never ends. */
export function readFrontMatter(lines: readonly string[]): FrontMatter | "unclosed" | null {
  if (lines[0]?.trim() !== "---") return null;
  let title = "";
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "---") return { end: i + 1, title };
    const match = /^title:\s*(.*)$/.exec(line.trimEnd());
    if (match) title = match[1]!.replace(/^(["'])(.*)\1$/, "$2").trim();
  }
  return "unclosed";
}
