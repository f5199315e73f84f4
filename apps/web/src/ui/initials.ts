/**
 * Up to two initials of a name, for avatars. Only letters count, so "Ana (PM)" gives "AP"
 * rather than "A(" (B11).
 */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}]/gu, ""))
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join("");
}
