import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  applyMerge,
  createMapFromTemplate,
  LOCAL_ORIGIN,
  MapEditor,
  type MergeChoice,
  type MergePick,
  pickChanges,
  planMerge,
  readJourneyMap,
  sequentialIds,
} from "../../src/index.ts";
import { applyOp, checkInvariants, opArb, ReplicaNetwork } from "../../src/testing/index.ts";
import { slotId } from "../../src/branch/slots.ts";
import { allSlots, copyOf, entitySlotOf, valueIn } from "./mergeSupport.ts";

const ctx = { origin: LOCAL_ORIGIN };

/** The original (replica 0) and its branch (replica 1) from one moment, edited apart. */
interface Scenario {
  readonly ours: Y.Doc;
  readonly theirs: Y.Doc;
  readonly base: Y.Doc;
}

function scenario(ops: Parameters<typeof applyOp>[2][]): Scenario {
  const net = new ReplicaNetwork(2);
  createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t"), now: () => 1 });
  Y.applyUpdate(net.docs[1]!, Y.encodeStateAsUpdate(net.docs[0]!));
  const base = copyOf(net.docs[0]!);
  const editors = [
    new MapEditor(net.docs[0]!, { origin: LOCAL_ORIGIN, ids: sequentialIds("o") }),
    new MapEditor(net.docs[1]!, { origin: LOCAL_ORIGIN, ids: sequentialIds("b") }),
  ];
  // Never delivered: a branch is a map of its own.
  for (const op of ops) if (op.op !== "deliver") applyOp(net, editors, op);
  return { ours: net.docs[0]!, theirs: net.docs[1]!, base };
}

const pickArb = fc.array(
  fc.record({
    kind: fc.constantFrom("all", "phase", "touchpoint", "card", "curve", "change"),
    n: fc.nat(1000),
  }),
  { maxLength: 3 },
);

/** Turns abstract picks into real ones against the plan (by index among what it holds). */
function picksFor(
  plan: ReturnType<typeof planMerge>,
  abstract: { kind: string; n: number }[],
): MergePick[] {
  const at = <T>(list: readonly T[], n: number) =>
    list.length ? list[n % list.length] : undefined;
  return abstract.flatMap((p): MergePick[] => {
    const c = at(plan.changes, p.n);
    if (p.kind === "all") return [{ kind: "all" }];
    if (!c) return [];
    if (p.kind === "phase" && c.scope.phaseIds[0])
      return [{ kind: "phase", id: c.scope.phaseIds[0] }];
    if (p.kind === "touchpoint" && c.scope.touchpointId)
      return [{ kind: "touchpoint", id: c.scope.touchpointId }];
    if (p.kind === "card" && c.scope.cardId) return [{ kind: "card", id: c.scope.cardId }];
    if (p.kind === "curve" && c.scope.personaId)
      return [{ kind: "curve", personaId: c.scope.personaId }];
    return [{ kind: "change", id: c.id }];
  });
}

describe("merging a branch back (issue 17)", () => {
  it("INV-B1 INV-B2 INV-B3 INV-B4: the original keeps its own edits, gains exactly what was picked, a second merge changes nothing, conflicts are surfaced", () => {
    let merged = 0;
    let conflicts = 0;
    fc.assert(
      fc.property(
        fc.array(opArb(2), { maxLength: 40 }),
        pickArb,
        fc.array(fc.boolean(), { maxLength: 20 }),
        (ops, abstractPicks, coin) => {
          const { ours, theirs, base } = scenario(ops);
          const before = copyOf(ours);
          const plan = planMerge(base, ours, theirs);
          const slots = allSlots(base, ours, theirs);

          // INV-B4: every slot both sides changed differently is listed as a conflict.
          for (const slot of slots) {
            const [b, o, t] = [valueIn(base, slot), valueIn(ours, slot), valueIn(theirs, slot)];
            const owner = entitySlotOf(slot);
            const wholeEntity = owner !== null && plan.byId.has(owner);
            if (b !== o && b !== t && o !== t && !wholeEntity) {
              expect(plan.byId.get(slotId(slot))?.conflict, slotId(slot)).toBe("bothChanged");
            }
          }

          const picked = pickChanges(plan, picksFor(plan, abstractPicks));
          const choices = new Map<string, MergeChoice>();
          plan.changes.forEach((c, i) => {
            if (c.conflict)
              choices.set(c.id, coin[i % Math.max(coin.length, 1)] ? "theirs" : "ours");
          });
          const result = applyMerge(ours, base, theirs, { picked, choices }, ctx);
          expect(result.unresolved).toEqual([]);
          const applied = new Set(
            plan.changes
              .filter((c) => picked.has(c.id) && (!c.conflict || choices.get(c.id) === "theirs"))
              .map((c) => c.id),
          );

          // INV-B1, INV-B2: each slot holds the branch's value if picked, else the original's.
          for (const slot of slots) {
            const id = slotId(slot);
            const owner = entitySlotOf(slot);
            const fromBranch = applied.has(id) || (owner !== null && applied.has(owner));
            const expected = fromBranch ? valueIn(theirs, slot) : valueIn(before, slot);
            expect(valueIn(ours, slot), id).toBe(expected);
          }
          checkInvariants(readJourneyMap(ours), ours);

          // INV-B3: the same merge again writes nothing.
          let updates = 0;
          const count = () => updates++;
          ours.on("update", count);
          expect(applyMerge(ours, base, theirs, { picked, choices }, ctx).written).toBe(0);
          ours.off("update", count);
          expect(updates).toBe(0);
          merged += applied.size;
          conflicts += plan.changes.filter((c) => c.conflict).length;
        },
      ),
      { numRuns: 200 },
    );
    // The fuzzer produced real merges and real conflicts.
    expect(merged).toBeGreaterThan(100);
    expect(conflicts).toBeGreaterThan(5);
    // A fuzzer: its own budget on a loaded machine (four suites at once on two cores).
  }, 120_000);
});
