/**
 * Which parts of a map need review (issue 18), as a pure function of the map, the last change
 * of each thing (from the log: lastChanged.ts), the freshness settings and the time.
 *
 * An item (a step, a card, a text cell) was last *reviewed* at the later of its last change and
 * its last verification; verifying a step covers its cards and cells, verifying a phase covers
 * everything in it (INV-F3). It is stale when that is longer ago than the review period. A
 * thing the log does not know yet (just made, not on the server) counts as changed now.
 */
import { cellRootName } from "../layout.ts";
import { cellKey, entityKey } from "../elementRef/elementRef.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { FreshnessSettings, Verification } from "./freshnessSettings.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A change as shown: when and by whom (a display name). */
export interface ShownChange {
  readonly at: number;
  readonly by: string;
}

export type FreshItemKind = "touchpoint" | "card" | "cell";

export interface ItemFreshness {
  /** The element key, as on the board's `data-presence`. */
  readonly key: string;
  readonly kind: FreshItemKind;
  readonly title: string;
  readonly phaseId: string;
  readonly changed: ShownChange | null;
  /** The verification that covers it (its own, its step's or its phase's, the latest). */
  readonly verified: Verification | null;
  readonly reviewedAt: number;
  /** Whole days since it was last reviewed. */
  readonly ageDays: number;
  readonly stale: boolean;
}

export interface PhaseFreshness {
  readonly phaseId: string;
  readonly name: string;
  readonly owner: string | null;
  readonly items: number;
  readonly stale: number;
  /** Days since the least recently reviewed item (0 for an empty phase). */
  readonly oldestDays: number;
}

export interface MapFreshness {
  readonly reviewAfterDays: number;
  readonly items: readonly ItemFreshness[];
  readonly byKey: ReadonlyMap<string, ItemFreshness>;
  readonly phases: readonly PhaseFreshness[];
  readonly stale: number;
}

function latest(...verifications: Array<Verification | undefined>): Verification | null {
  let best: Verification | null = null;
  for (const v of verifications) if (v && (!best || v.at > best.at)) best = v;
  return best;
}

export function computeFreshness(
  map: JourneyMap,
  changes: ReadonlyMap<string, ShownChange>,
  settings: FreshnessSettings,
  now: number,
): MapFreshness {
  const limitMs = settings.reviewAfterDays * DAY_MS;
  const items: ItemFreshness[] = [];
  const add = (
    key: string,
    kind: FreshItemKind,
    title: string,
    phaseId: string,
    covering: Verification | null,
  ) => {
    const changed = changes.get(key) ?? null;
    const verified = latest(settings.verified.get(key), covering ?? undefined);
    const reviewedAt = Math.max(changed?.at ?? now, verified?.at ?? 0);
    const age = Math.max(0, now - reviewedAt);
    items.push({
      key,
      kind,
      title,
      phaseId,
      changed,
      verified,
      reviewedAt,
      ageDays: Math.floor(age / DAY_MS),
      stale: age > limitMs,
    });
  };
  // The read model's cells are the non-empty ones of shown text lanes.
  const textLanes = map.cells.size > 0 ? map.lanes : [];
  for (const tp of map.touchpoints) {
    const phaseVerified = settings.verified.get(entityKey("phase", tp.phaseId)) ?? null;
    const stepKey = entityKey("touchpoint", tp.id);
    add(stepKey, "touchpoint", tp.name, tp.phaseId, phaseVerified);
    const covering = latest(phaseVerified ?? undefined, settings.verified.get(stepKey));
    for (const card of map.cardsByTouchpoint.get(tp.id) ?? []) {
      add(entityKey("card", card.id), "card", card.title, tp.phaseId, covering);
    }
    for (const lane of textLanes) {
      const root = cellRootName(lane.id, tp.id);
      if (map.cells.has(root)) {
        add(cellKey(root), "cell", `${lane.name} · ${tp.name}`, tp.phaseId, covering);
      }
    }
  }
  const byPhase = new Map<string, { items: number; stale: number; oldestDays: number }>();
  for (const item of items) {
    const tally = byPhase.get(item.phaseId) ?? { items: 0, stale: 0, oldestDays: 0 };
    tally.items++;
    if (item.stale) tally.stale++;
    tally.oldestDays = Math.max(tally.oldestDays, item.ageDays);
    byPhase.set(item.phaseId, tally);
  }
  const phases = map.phases.map(
    (phase): PhaseFreshness => ({
      phaseId: phase.id,
      name: phase.name,
      owner: settings.owners.get(phase.id) ?? null,
      ...(byPhase.get(phase.id) ?? { items: 0, stale: 0, oldestDays: 0 }),
    }),
  );
  return {
    reviewAfterDays: settings.reviewAfterDays,
    items,
    byKey: new Map(items.map((item) => [item.key, item])),
    phases,
    stale: items.filter((item) => item.stale).length,
  };
}

/** The stale items, least recently reviewed first, at most `limit`. */
export function stalestItems(freshness: MapFreshness, limit: number): ItemFreshness[] {
  return freshness.items
    .filter((item) => item.stale)
    .sort((a, b) => a.reviewedAt - b.reviewedAt || a.key.localeCompare(b.key))
    .slice(0, limit);
}
