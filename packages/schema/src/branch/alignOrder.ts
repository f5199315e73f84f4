/**
 * Aligns two ordered lists of ids (as-is and to-be) into one order for side-by-side display,
 * by identity, not position: ids on both sides keep the to-be order, ids only on the left
 * are placed after their nearest left neighbour. Ids on both sides whose relative order
 * changed are "moved": those outside a longest common subsequence of the two orders, so one
 * step dragged elsewhere marks that step, not every step it jumped over.
 */

/** Longest common subsequence of two id lists without repeats. O(n·m); lists are bounded. */
function longestCommon(a: readonly string[], b: readonly string[]): Set<string> {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j]
          ? table[(i + 1) * cols + j + 1]! + 1
          : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return kept;
}

export interface Alignment {
  /** Every id once: the to-be order, left-only ids after their left predecessor. */
  readonly order: readonly string[];
  /** Ids on both sides whose place among the common ids changed. */
  readonly moved: ReadonlySet<string>;
}

export function alignOrder(left: readonly string[], right: readonly string[]): Alignment {
  const inRight = new Set(right);
  const inLeft = new Set(left);
  const order = [...right];
  let cursor = -1; // where the last left id sits in `order`
  for (const id of left) {
    const at = order.indexOf(id);
    if (at >= 0) {
      cursor = at;
    } else if (!inRight.has(id)) {
      order.splice(cursor + 1, 0, id);
      cursor++;
    }
  }
  const kept = longestCommon(
    left.filter((id) => inRight.has(id)),
    right.filter((id) => inLeft.has(id)),
  );
  const moved = new Set(right.filter((id) => inLeft.has(id) && !kept.has(id)));
  return { order, moved };
}
