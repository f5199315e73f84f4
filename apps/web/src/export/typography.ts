/**
 * Print typography for the exports: curly quotes and apostrophes, real arrows and plurals,
 * so a PDF reads like a designed document rather than a log ("2 persona(s)", "->").
 */

/** "1 persona", "2 personas"; `many` for irregular nouns ("2 evidence items"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Straight quotes and ASCII arrows as their typographic characters. */
export function typeset(text: string): string {
  return text
    .replace(/->/g, "→")
    .replace(/<-/g, "←")
    .replace(/(^|[\s([{\u2014-])"/g, "$1\u201c")
    .replace(/"/g, "\u201d")
    .replace(/(^|[\s([{\u2014-])'/g, "$1\u2018")
    .replace(/'/g, "\u2019");
}

const QUOTE_MARKS =
  /^["'\u201c\u201d\u2018\u2019\u00ab\u00bb\s]+|["'\u201c\u201d\u2018\u2019\u00ab\u00bb\s]+$/g;

/** A quotation in curly quotes, once: quotes the author already typed are not doubled. */
export function quoted(text: string): string {
  return `\u201c${typeset(text.replace(QUOTE_MARKS, ""))}\u201d`;
}
