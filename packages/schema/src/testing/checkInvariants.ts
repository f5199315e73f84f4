/**
 * The read model's structural invariants (docs/SPEC.md INV-R*, INV-O*), as one check that
 * tests and fuzzers share. Throws an Error naming the first broken invariant.
 */
import type * as Y from "yjs";
import { compareOrder } from "../order.ts";
import { UNASSIGNED_PHASE_ID } from "../records/Phase.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import { ROOT } from "../layout.ts";

function fail(message: string): never {
  throw new Error(`invariant broken: ${message}`);
}

export function checkInvariants(map: JourneyMap, doc?: Y.Doc): void {
  // Every phase once; the synthetic phase last and only when it holds touchpoints.
  const phaseIds = map.phases.map((p) => p.id);
  if (new Set(phaseIds).size !== phaseIds.length) fail("INV-R6 a phase is shown twice");
  map.phases.forEach((p, i) => {
    if (p.synthetic && i !== map.phases.length - 1) fail("INV-R1 Unassigned is not last");
  });
  const real = map.phases.filter((p) => !p.synthetic);
  for (let i = 1; i < real.length; i++) {
    if (compareOrder(real[i - 1]!, real[i]!) >= 0) fail("INV-O1 phases not in total order");
  }
  // Every touchpoint exactly once, grouped under a shown phase, in order.
  const tpIds = map.touchpoints.map((t) => t.id);
  if (new Set(tpIds).size !== tpIds.length) fail("INV-R6 a touchpoint is shown twice");
  let grouped = 0;
  for (const [phaseId, list] of map.touchpointsByPhase) {
    if (!phaseIds.includes(phaseId)) fail(`INV-R1 touchpoints under unshown phase ${phaseId}`);
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.phaseId !== phaseId) fail("INV-R1 touchpoint phaseId not resolved");
      if (i > 0 && compareOrder(list[i - 1]!, list[i]!) >= 0) fail("INV-O1 touchpoints order");
    }
    grouped += list.length;
  }
  if (grouped !== tpIds.length) fail("INV-R6 grouping does not cover touchpoints");
  if (map.touchpointsByPhase.has(UNASSIGNED_PHASE_ID) !== map.phases.some((p) => p.synthetic)) {
    fail("INV-R1 Unassigned phase shown without touchpoints (or hidden with some)");
  }
  // Every card exactly once: under an existing touchpoint or unassigned.
  const cardIds = [...map.cardsByTouchpoint.values()].flat().map((c) => c.id);
  cardIds.push(...map.unassignedCards.map((c) => c.id));
  if (new Set(cardIds).size !== cardIds.length) fail("INV-R6 a card is shown twice");
  for (const id of map.cardsByTouchpoint.keys()) {
    if (!tpIds.includes(id)) fail("INV-R2 cards under a missing touchpoint");
  }
  const evidenceShown =
    [...map.evidenceByTarget.values()].reduce((n, l) => n + l.length, 0) +
    map.unassignedEvidence.length;
  if (evidenceShown !== map.evidence.length) fail("INV-R3 evidence not shown exactly once");
  for (const point of map.emotions.values()) {
    if (!tpIds.includes(point.touchpointId)) fail("INV-R7 emotion of a missing touchpoint");
  }
  if (doc) {
    // Nothing stored is silently dropped from the view.
    const validMaps = (name: string) => {
      let n = 0;
      doc.getMap(name).forEach((v, k) => {
        if (typeof v === "object" && v !== null && /^[A-Za-z0-9_-]{1,64}$/.test(k)) n++;
      });
      return n;
    };
    if (validMaps(ROOT.touchpoints) !== tpIds.length) fail("INV-R6 a stored touchpoint is missing");
    if (validMaps(ROOT.cards) !== cardIds.length) fail("INV-R6 a stored card is missing");
    if (validMaps(ROOT.phases) !== real.length) fail("INV-R6 a stored phase is missing");
  }
}
