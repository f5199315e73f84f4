/**
 * Read-model cost of one small edit on a big map (30 phases, 500 touchpoints): the
 * incremental MapReader against a full readJourneyMap, measured in the same run.
 * Target (issue 2): the incremental re-read under 1 ms.
 */
import { Bench } from "tinybench";
import { MapEditor, MapReader, readJourneyMap } from "@journeymap/schema";
import { buildBigMap } from "./fixtures.ts";

export interface Row {
  readonly name: string;
  readonly meanMs: number;
  readonly p99Ms: number;
}

export async function benchReadModel(): Promise<Row[]> {
  const doc = buildBigMap(30, 500);
  const reader = new MapReader(doc);
  const editor = new MapEditor(doc);
  // A second copy with no reader attached: the cost of the edit itself.
  const bare = buildBigMap(30, 500);
  const bareEditor = new MapEditor(bare);
  const first = reader.read();
  const tp = first.touchpoints[250]!;
  const persona = first.personas[0]!;
  let n = 0;

  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench
    .add("edit only (rename a touchpoint), no reader attached", () => {
      bareEditor.updateTouchpoint(tp.id, { name: `Renamed ${n++}` });
    })
    .add("edit + incremental re-read (MapReader)", () => {
      editor.updateTouchpoint(tp.id, { name: `Renamed ${n++}` });
      reader.read();
    })
    .add("edit + full re-read (readJourneyMap, baseline)", () => {
      bareEditor.updateTouchpoint(tp.id, { name: `Renamed ${n++}` });
      readJourneyMap(bare);
    })
    .add("emotion score + incremental re-read", () => {
      editor.setEmotion(persona.id, tp.id, (n++ % 7) - 3);
      reader.read();
    })
    .add("move touchpoint + incremental re-read", () => {
      editor.moveTouchpoint(tp.id, first.phases[n++ % 30]!.id, 3);
      reader.read();
    });
  // Subtracting the "edit only" row (same map, no reader) isolates the read model's own cost.
  await bench.run();
  reader.destroy();
  return bench.tasks.map((task) => {
    const r = task.result as { latency?: { mean: number; p99?: number } } | undefined;
    return {
      name: task.name,
      meanMs: r?.latency?.mean ?? Number.NaN,
      p99Ms: r?.latency?.p99 ?? Number.NaN,
    };
  });
}
