/**
 * @-mention suggestions while typing a comment: which names to offer for the partial name
 * before the caret, and the text once one is picked. Pure; the composer draws the list.
 */
import { mentionQuery } from "@journeymap/schema";

const MAX_SUGGESTIONS = 6;

/** Names starting with what follows the last @ before the caret (none when no @ is open). */
export function mentionSuggestions(
  text: string,
  caret: number,
  people: readonly string[],
): string[] {
  const query = mentionQuery(text.slice(0, caret));
  if (query === null) return [];
  const q = query.toLowerCase();
  return people
    .filter((p) => p.toLowerCase().startsWith(q) && p.toLowerCase() !== q)
    .slice(0, MAX_SUGGESTIONS);
}

/** The text with the partial name before the caret replaced by `@Name `, and the new caret. */
export function completeMention(
  text: string,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const before = text.slice(0, caret);
  const query = mentionQuery(before) ?? "";
  const start = before.length - query.length; // just after the @
  const inserted = `${name} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: before.slice(0, start) + inserted + after, caret: start + inserted.length };
}
