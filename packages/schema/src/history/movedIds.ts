/**
 * "Moved" in a diff: an item whose place relative to the other items that exist in both
 * states changed, i.e. one outside the longest run that kept its relative order. So inserting
 * one phase does not report every later phase as moved.
 */

/** Ids (present in both) that are not in the longest subsequence keeping its relative order. */
export function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const afterIndex = new Map(after.map((id, i) => [id, i]));
  const common = before.filter((id) => afterIndex.has(id));
  const seq = common.map((id) => afterIndex.get(id)!);
  // Longest increasing subsequence, O(n log n), with back links to recover it.
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = seq[i]!;
    tailIdx[lo] = i;
    prev[i] = lo > 0 ? tailIdx[lo - 1]! : -1;
  }
  const kept = new Set<string>();
  for (let i = tailIdx[tails.length - 1] ?? -1; i >= 0; i = prev[i]!) kept.add(common[i]!);
  return new Set(common.filter((id) => !kept.has(id)));
}
