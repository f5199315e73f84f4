/** Fixtures of the talk tests: a talk document with a ticking clock, people and a quote. */
import * as Y from "yjs";
import {
  acceptInboxItem,
  type Author,
  createMapFromTemplate,
  LOCAL_ORIGIN,
  readJourneyMap,
  sequentialIds,
  submitToInbox,
  type TriageChoice,
} from "../../src/index.ts";

export const SERVER = { kind: "server", reason: "test" } as const;

function clock(start = 1000) {
  let t = start;
  return () => t++;
}

/** A talk document and a context with ids `k…` and a clock from 1000, one tick a call. */
export function talkDoc() {
  const doc = new Y.Doc();
  const ctx = { origin: LOCAL_ORIGIN, ids: sequentialIds("k"), now: clock() };
  return { doc, ctx };
}

/** Someone, with the id the server would give them. */
export const person = (name: string): Author => ({ name, id: `id-${name}` });

/** A comment by `name`. */
export const said = (name: string, text: string, mentions?: string[]) => ({
  author: person(name),
  text,
  ...(mentions ? { mentions } : {}),
});

/** A contribution as the form sends it (text with spaces around it). */
export const QUOTE = {
  kind: "quote" as const,
  text: "  I could not find the cancel button  ",
  contributor: "Sam",
  team: "Support",
  source: "ZD-1234",
  url: "https://example.test/zd/1234",
  sentiment: -2,
};

/**
 * A map from the default template and a talk document whose inbox holds QUOTE on the map's
 * first step, submitted through the form.
 */
export function mapAndTalk() {
  const mapDoc = new Y.Doc();
  createMapFromTemplate(mapDoc, "default", { ids: sequentialIds("t"), now: () => 1 });
  const { doc, ctx } = talkDoc();
  const tp = readJourneyMap(mapDoc).touchpoints[0];
  if (!tp) throw new Error("template has no touchpoints");
  const submission = { ...QUOTE, touchpointId: tp.id };
  const { itemId } = submitToInbox(doc, submission, { via: "form" }, { ...ctx, origin: SERVER });
  /** Editor Ed's triage of an item of this inbox onto this map. */
  const accept = (item: string, choice: TriageChoice) =>
    acceptInboxItem(mapDoc, doc, item, choice, "Ed", ctx);
  return { mapDoc, talk: doc, ctx, tp, itemId, accept };
}
