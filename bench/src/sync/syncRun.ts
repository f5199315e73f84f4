/**
 * The sync group of `pnpm bench`: ours, stock Hocuspocus + SQLite and the y-websocket
 * reference on the same workloads, each figure the median of `rounds` runs made in turn (the
 * kinds interleaved, so a change in the machine's load falls on all three), printed as the
 * issue-20 table: ours ÷ reference and ours ÷ stock.
 */
import {
  bigMap,
  burst,
  coldLoad,
  fanout,
  idleCost,
  idleMemory,
  type Kind,
  pacedIngest,
} from "./syncBench.ts";

const KINDS: readonly Kind[] = ["journeymap", "stock", "reference"];

export type PerKind = Record<Kind, number>;

export interface SyncFigure {
  readonly figure: string;
  readonly unit: string;
  /** Medians over the rounds. */
  readonly median: PerKind;
  /** Every round's value, for the record. */
  readonly runs: Record<Kind, number[]>;
  /** Whether a higher value is better (rates) or worse (times, CPU, memory). */
  readonly higherIsBetter: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const perKind = <T>(): Record<Kind, T[]> => ({ journeymap: [], stock: [], reference: [] });

const mediansOf = (runs: Record<Kind, number[]>): PerKind =>
  Object.fromEntries(KINDS.map((k) => [k, median(runs[k])])) as PerKind;

/** A second figure from runs already made for another one. */
function derived<T>(
  figure: string,
  unit: string,
  higherIsBetter: boolean,
  results: Record<Kind, T[]>,
  pick: (result: T) => number,
): SyncFigure {
  const runs = Object.fromEntries(KINDS.map((k) => [k, results[k].map(pick)])) as Record<
    Kind,
    number[]
  >;
  return { figure, unit, higherIsBetter, runs, median: mediansOf(runs) };
}

async function measure(
  figure: string,
  unit: string,
  rounds: number,
  higherIsBetter: boolean,
  run: (kind: Kind) => Promise<number>,
): Promise<SyncFigure> {
  const runs = perKind<number>();
  for (let round = 0; round < rounds; round++)
    for (const kind of KINDS) runs[kind].push(await run(kind));
  const med = mediansOf(runs);
  const done = { figure, unit, median: med, runs, higherIsBetter };
  console.error(`  ${figure}: ${KINDS.map((k) => `${k} ${fmtValue(med[k], unit)}`).join(", ")}`);
  return done;
}

function fmtValue(v: number, unit: string): string {
  if (unit === "ms") return v < 1 ? `${(v * 1000).toFixed(0)} µs` : `${v.toFixed(1)} ms`;
  if (unit === "KiB") return `${(v / 1024).toFixed(0)} KiB`;
  if (unit === "%") return `${v.toFixed(1)} %`;
  return `${Math.round(v).toLocaleString("en")} ${unit}`;
}

export function syncTable(figures: readonly SyncFigure[], rounds: number): string {
  const lines = [
    `Medians of ${rounds} run(s) per figure, the three servers run in turn in each round.\n`,
    "| figure | ours | stock Hocuspocus + SQLite | reference | ours ÷ reference | ours ÷ stock |",
    "|---|---|---|---|---|---|",
  ];
  for (const f of figures) {
    const m = f.median;
    lines.push(
      `| ${f.figure} | ${fmtValue(m.journeymap, f.unit)} | ${fmtValue(m.stock, f.unit)} | ${fmtValue(m.reference, f.unit)} | ${(m.journeymap / m.reference).toFixed(2)}× | ${(m.journeymap / m.stock).toFixed(2)}× |`,
    );
  }
  return lines.join("\n");
}

export interface SyncRun {
  readonly rounds: number;
  readonly figures: SyncFigure[];
  readonly coldLoad: { burstMapMs: number; fiveMbMs: number };
}

export async function benchSync(quick: boolean, rounds: number): Promise<SyncRun> {
  const seconds = quick ? 3 : 6;
  const scenarios: Array<[number, number]> = quick
    ? [
        [2, 1],
        [50, 5],
      ]
    : [
        [2, 1],
        [50, 5],
        [200, 10],
        [500, 50],
      ];
  const figures: SyncFigure[] = [];
  for (const [clients, maps] of scenarios) {
    const results = perKind<Awaited<ReturnType<typeof fanout>>>();
    const cpu = await measure(
      `server CPU per delivered update, ${clients} clients on ${maps} maps`,
      "ms",
      rounds,
      false,
      async (kind) => {
        const r = await fanout(kind, clients, maps, seconds);
        results[kind].push(r);
        return r.cpuPerDeliveredMs;
      },
    );
    figures.push(cpu);
    figures.push(derived(`fan-out p50, ${clients} clients`, "ms", false, results, (r) => r.p50));
    figures.push(derived(`fan-out p99, ${clients} clients`, "ms", false, results, (r) => r.p99));
  }
  const pacedCount = quick ? 5_000 : 100_000;
  figures.push(
    await measure(
      `paced ingest, ${pacedCount.toLocaleString("en")} updates on one socket`,
      "updates/s",
      rounds,
      true,
      (kind) => pacedIngest(kind, pacedCount),
    ),
  );
  const burstCount = quick ? 10_000 : 100_000;
  let kept: Awaited<ReturnType<typeof burst>> | null = null;
  figures.push(
    await measure(
      `burst, ${burstCount.toLocaleString("en")} updates sent at once`,
      "updates/s",
      rounds,
      true,
      async (kind) => {
        const r = await burst(kind, burstCount);
        if (r.server) {
          if (kept?.server) await kept.server.stop();
          kept = r;
        }
        return r.rate;
      },
    ),
  );
  const idle = quick ? 50 : 200;
  figures.push(
    await measure(
      `memory per idle connection, ${idle} clients on one map (RSS growth)`,
      "KiB",
      rounds,
      false,
      (kind) => idleMemory(kind, idle),
    ),
  );
  const idleCount = quick ? 200 : 2000;
  const idleSeconds = quick ? 10 : 30;
  const costs = perKind<Awaited<ReturnType<typeof idleCost>>>();
  figures.push(
    await measure(
      `memory per idle connection, ${idleCount.toLocaleString("en")} connections, one map each`,
      "KiB",
      rounds,
      false,
      async (kind) => {
        const c = await idleCost(kind, idleCount, idleSeconds);
        costs[kind].push(c);
        return c.bytesPerConnection;
      },
    ),
  );
  const each = `${idleCount.toLocaleString("en")} connections, one map each`;
  figures.push(
    derived(
      `live heap per idle connection, ${each}`,
      "KiB",
      false,
      costs,
      (c) => c.heapBytesPerConnection,
    ),
  );
  figures.push(
    derived(`idle CPU over ${idleSeconds} s, ${each}`, "%", false, costs, (c) => c.cpuPercent),
  );

  // Cold loads after a restart on our own store (the last burst's map, and a 5 MB map).
  const ours = kept as Awaited<ReturnType<typeof burst>> | null;
  const server = ours!.server!;
  await server.shutdown();
  const burstMapMs = await coldLoad(server.dataDir!, ours!.map);
  const big = await bigMap(5 * 1024 * 1024);
  const fiveMbMs = await coldLoad(big.dataDir, big.map);
  return { rounds, figures, coldLoad: { burstMapMs, fiveMbMs } };
}
