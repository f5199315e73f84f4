/**
 * Mentions: `@Name` in a comment, matched against the names of people known on this map
 * (people here now, earlier commenters, contributors). Names can contain spaces, so the
 * longest known name that follows an @ wins; matching ignores case.
 */
export function findMentions(text: string, people: readonly string[]): string[] {
  const names = [...new Set(people.filter((p) => p.trim() !== ""))].sort(
    (a, b) => b.length - a.length,
  );
  const found = new Set<string>();
  const lower = text.toLowerCase();
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    const rest = lower.slice(at + 1);
    const name = names.find((n) => {
      if (!rest.startsWith(n.toLowerCase())) return false;
      const next = rest.charAt(n.length);
      return next === "" || !/[\p{L}\p{N}_]/u.test(next);
    });
    if (name) found.add(name);
  }
  return [...found];
}

/** The partial name being typed after the last @ at the caret, or null (for suggestions). */
export function mentionQuery(textBeforeCaret: string): string | null {
  const match = /(?:^|\s)@([\p{L}\p{N}_ .'-]{0,40})$/u.exec(textBeforeCaret);
  return match ? (match[1] ?? "") : null;
}
