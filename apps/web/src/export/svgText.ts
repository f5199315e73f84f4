/**
 * Text for SVG built as a string: escaping, and word wrapping by an estimated width. The
 * renderer runs without a DOM (tests, and before fonts load), so widths are estimated per
 * character class on the generous side: a wrapped line may end early, never overflow.
 */

/** Control characters other than tab and newlines are not allowed in XML 1.0. */
function isXmlChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

export function escapeXml(text: string): string {
  return [...text]
    .filter(isXmlChar)
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const NARROW = /[iljtfI.,:;'!|()[\] ]/;
const WIDE = /[mwMWOQGD@%&]/;

/** Estimated advance of a string in px (wider than the real thing for common sans fonts). */
export function estimateWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.test(ch)) em += 0.34;
    else if (WIDE.test(ch)) em += 0.9;
    else if (ch >= "A" && ch <= "Z") em += 0.7;
    else if (ch.codePointAt(0)! > 0x2e80)
      em += 1; // CJK and emoji are full width
    else em += 0.58;
  }
  return em * fontSize * (bold ? 1.07 : 1);
}

/**
 * Lines of at most `width` px. Paragraph breaks are kept; words longer than a line are
 * broken; past `maxLines` the last line ends with an ellipsis.
 */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  { bold = false, maxLines = Number.POSITIVE_INFINITY } = {},
): string[] {
  const lines: string[] = [];
  const fits = (s: string) => estimateWidth(s, fontSize, bold) <= width;
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      line = "";
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line !== "" || paragraph.trim() === "") lines.push(line);
  }
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last !== "" && !fits(`${last}…`)) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
  }
  return lines;
}

/** Mixes two #rrggbb colours: t = 0 gives `a`, 1 gives `b` (CSS color-mix in sRGB). */
export function mixColour(a: string, b: string, t: number): string {
  const parse = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const [ca, cb] = [parse(a), parse(b)];
  return `#${ca
    .map((v, i) =>
      Math.round(v + (cb[i]! - v) * t)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}
