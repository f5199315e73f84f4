/** The library benchmark's tables (Markdown), each figure beside the 50-map baseline. */
import type { Latency, LibraryBenchResult, LibrarySizeResult } from "./libraryBench.ts";

const ms = (v: number) => (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
const cell = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)}`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export function libraryTable({ sizes }: LibraryBenchResult): string {
  const base = sizes[0]!;
  const big = sizes.at(-1)!;
  const head = `| figure (median / p95) | ${base.maps} maps | ${big.maps} maps | ${big.maps}/${base.maps} (median) |\n|---|---|---|---|`;
  const row = (name: string, of: (s: LibrarySizeResult) => Latency | null) => {
    const a = of(base);
    const b = of(big);
    if (!a || !b) return `| ${name} | not built | not built | |`;
    return `| ${name} | ${cell(a)} | ${cell(b)} | ${ratio(b.p50, a.p50)} |`;
  };
  const rows = [
    ...Object.keys(base.search).map((q) =>
      row(
        `search: ${q} (${base.search[q]!.hits} / ${big.search[q]!.hits} hits)`,
        (s) => s.search[q]!,
      ),
    ),
    ...Object.keys(base.storeSearch).map((q) => row(`store alone: ${q}`, (s) => s.storeSearch[q]!)),
    base.rollUp
      ? row("roll-up: listLibraryCards", (s) => s.rollUp)
      : "| roll-up: not built | | | |",
    row("edit → found in the index", (s) => s.editToIndexed),
    row("edit → answered by search", (s) => s.editToAnswered),
    `| index from cold (server start → all maps) | ${ms(base.indexedMs)} | ${ms(big.indexedMs)} | ${ratio(big.indexedMs, base.indexedMs)} |`,
  ];
  return [head, ...rows].join("\n");
}
