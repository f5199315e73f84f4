/**
 * A workspace of N generated maps for the library benchmark, written straight into a data
 * folder's store (the way an import or a restore fills one; the server's HTTP create is rate
 * bound per person). Each map starts from one of the templates and gets text of its own — step
 * actions, cards, cells — drawn from a vocabulary with a Zipf-like spread, so common words are
 * in most maps and rare ones in few, as in real writing. Seeded: the same N gives the same maps.
 */
import {
  createMapFromTemplate,
  MapEditor,
  randomId,
  readJourneyMap,
  TEMPLATES,
} from "@journeymap/schema";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { mapDocumentName } from "@journeymap/protocol";
import * as Y from "yjs";

/** In every generated map (the "common word" query). */
export const COMMON_WORD = "customer";
/** In exactly one generated map, in one card's detail (the "rare word" query). */
export const RARE_WORD = "quetzal";
/** The start of several words (payment, pays, paywall…): the "prefix" query, as typed. */
export const PREFIX_QUERY = "pay";

const VOCABULARY = `customer order payment pays paywall delivery parcel courier refund invoice
  account password login signup onboarding trial upgrade plan pricing discount coupon cart basket
  checkout shipping tracking return exchange warranty support ticket chatbot agent callback email
  notification reminder survey review rating complaint escalation billing subscription renewal
  cancellation churn loyalty reward points voucher gift wishlist search filter catalogue product
  variant size colour stock availability store pickup locker appointment booking schedule
  calendar confirmation receipt statement balance transfer limit fraud verification identity
  document upload form field error timeout outage latency mobile app website kiosk branch phone
  letter contract consent privacy settings profile preferences language accessibility onboarding
  tutorial video guide help article community forum feedback roadmap feature request bug crash
  sync offline battery camera scan barcode map route driver vehicle fuel charging tariff meter
  reading outage compensation claim adjuster inspection quote premium policy deductible coverage`
  .split(/\s+/)
  .filter(Boolean);

/** Seeded random numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A word, the first ones far more often than the last (rank r drawn ∝ 1/r). */
function zipfWord(random: () => number): string {
  const rank = Math.floor(VOCABULARY.length ** random());
  return VOCABULARY[Math.min(rank, VOCABULARY.length - 1)]!;
}

function sentence(random: () => number, words: number): string {
  const text = Array.from({ length: words }, () => zipfWord(random)).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The map document of map `i`: a template, renamed, with text of its own. */
function generatedDoc(i: number, random: () => number): { title: string; seed: Uint8Array } {
  const templates = TEMPLATES.filter((t) => t.id !== "blank");
  const template = templates[i % templates.length]!;
  const title = `${sentence(random, 2)} journey ${i + 1}`;
  const doc = new Y.Doc();
  createMapFromTemplate(doc, template, { title });
  const editor = new MapEditor(doc);
  const map = readJourneyMap(doc);
  const lane = map.lanes.find((l) => l.kind === "thoughts") ?? map.lanes[0];
  map.touchpoints.forEach((step, s) => {
    editor.updateTouchpoint(step.id, {
      action: `The ${COMMON_WORD} ${sentence(random, 6).toLowerCase()}`,
    });
    if (lane && s % 2 === 0) editor.setCellText(lane.id, step.id, sentence(random, 12));
    if (s % 3 === 0)
      editor.addCard({
        touchpointId: step.id,
        kind: s % 2 === 0 ? "painPoint" : "opportunity",
        title: sentence(random, 4),
        detail: sentence(random, 16),
        rating: 1 + Math.floor(random() * 5),
      });
  });
  return { title, seed: Y.encodeStateAsUpdate(doc) };
}

/** Writes `count` maps into the data folder's store, in the workspace, made by the person. */
export async function generateMaps(
  dataDir: string,
  count: number,
  workspaceId: string,
  personId: string,
): Promise<string[]> {
  const store = new SqliteMapStore(storeFileIn(dataDir));
  const random = seeded(count);
  const ids: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const { title, seed } = generatedDoc(i, random);
      const id = randomId();
      const createdAt = Date.now();
      await store.createMap({
        id,
        title,
        createdAt,
        seed,
        workspaceId,
        createdBy: personId,
        owner: {
          id: randomId(),
          mapId: id,
          role: "owner",
          label: "Owner",
          createdAt,
          expiresAt: null,
          revokedAt: null,
          createdBy: personId,
        },
      });
      ids.push(id);
    }
    // The rare word, in one map only (a card of its first step).
    const rare = ids[Math.floor(count / 2)]!;
    const stored = await store.loadDocument(mapDocumentName(rare));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([...stored.updates]));
    const before = Y.encodeStateVector(doc);
    const step = readJourneyMap(doc).touchpoints[0]!;
    new MapEditor(doc).addCard({
      touchpointId: step.id,
      kind: "painPoint",
      title: "Unusual request",
      detail: `Asks whether the ${RARE_WORD} plush can be gift wrapped`,
      rating: 2,
    });
    await store.appendUpdate({
      doc: mapDocumentName(rare),
      ts: Date.now(),
      author: "server",
      clientIds: [],
      origin: "server",
      bytes: Y.encodeStateAsUpdate(doc, before),
    });
  } finally {
    await store.close();
  }
  return ids;
}
