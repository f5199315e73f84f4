/**
 * A server's log of random concurrent edits, for history tests: two replicas apply random
 * mutations of every kind (cells, cards, moves, deletes…) and exchange updates in random order;
 * the log is what one replica stored, its own edits and the other's as received, which is the
 * order a server logs them in. Seeded, so a failure can be replayed.
 */
import fc from "fast-check";
import { createMapFromTemplate, sequentialIds } from "../index.ts";
import { MapEditor } from "../MapEditor.ts";
import { applyOp, opArb } from "./randomOps.ts";
import { ReplicaNetwork } from "./ReplicaNetwork.ts";

/** At least `rows` rows (a few more: the last exchange is logged too). */
export function randomLog(seed: number, rows: number): Uint8Array[] {
  const net = new ReplicaNetwork(2);
  createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t"), now: () => 0 });
  net.settle();
  const editors = net.docs.map(
    (doc, i) =>
      new MapEditor(doc, { origin: { kind: "local" }, ids: sequentialIds(`r${i}x`), now: () => i }),
  );
  // Some ops only deliver, and some do nothing on the map they meet: draw plenty.
  for (const op of fc.sample(opArb(2), { numRuns: rows * 2, seed })) {
    if (net.stored[0]!.length >= rows) break;
    applyOp(net, editors, op);
  }
  net.settle();
  return net.stored[0]!;
}
