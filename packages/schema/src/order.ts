/**
 * Ordering by fractional index keys (the fractional-indexing package).
 *
 * Keys from that library are deterministic: two people inserting at the same spot get the same
 * key. So the total order is (key, id), and new keys are generated between the nearest
 * DISTINCT neighbour keys, which never throws even when neighbours collide.
 * An entity without a valid key (corrupt or missing) sorts after every keyed sibling.
 */
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

export interface Ordered {
  readonly id: string;
  readonly key: string;
}

export function compareOrder(a: Ordered, b: Ordered): number {
  if (a.key !== b.key) {
    if (a.key === "") return 1;
    if (b.key === "") return -1;
    return a.key < b.key ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByOrder<T extends Ordered>(items: Iterable<T>): T[] {
  return [...items].sort(compareOrder);
}

function safeBetween(a: string | null, b: string | null): string {
  try {
    return generateKeyBetween(a, b);
  } catch {
    // Corrupt or inverted neighbours: fall back to placing after the lower one.
    try {
      return generateKeyBetween(a, null);
    } catch {
      return generateKeyBetween(null, null);
    }
  }
}

/**
 * A key that sorts at `index` among `siblings` (already in order, excluding the item being
 * placed). index = siblings.length appends.
 */
export function keyAt(siblings: readonly Ordered[], index: number): string {
  const i = Math.max(0, Math.min(index, siblings.length));
  const keyed = (k: string | undefined) => (k === undefined || k === "" ? null : k);
  let before = keyed(siblings[i - 1]?.key);
  let after = keyed(siblings[i]?.key);
  // Skip equal neighbours so the new key is strictly between distinct keys.
  let j = i;
  while (after !== null && before !== null && after <= before) {
    j += 1;
    after = keyed(siblings[j]?.key);
  }
  if (before !== null && after !== null && before >= after) before = null;
  return safeBetween(before, after);
}

/** n ascending keys after the given key (for seeding templates). */
export function keysAfter(key: string | null, n: number): string[] {
  return generateNKeysBetween(key, null, n);
}
