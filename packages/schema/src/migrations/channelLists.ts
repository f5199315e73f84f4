/**
 * v3: a step has a list of channels (built-in ids and custom names) instead of one channel.
 * Every step without a list gets the list of its one channel. The value is computed from
 * the step's own state only, so two clients migrating at once write equal lists and the
 * last-writer-wins on the key picks either, with the same result (INV-V2).
 */
import * as Y from "yjs";
import { ROOT, TOUCHPOINT } from "../layout.ts";
import { toChannelList } from "../records/channelList.ts";
import { toOneOf } from "../read/coerce.ts";
import { CHANNELS } from "../vocabulary.ts";
import type { Migration } from "./Migration.ts";

function stepsWithoutList(doc: Y.Doc): Y.Map<unknown>[] {
  const out: Y.Map<unknown>[] = [];
  doc.getMap(ROOT.touchpoints).forEach((step) => {
    if (step instanceof Y.Map && !Array.isArray(step.get(TOUCHPOINT.channels))) out.push(step);
  });
  return out;
}

export const channelLists: Migration = {
  name: "channel-lists",
  version: 3,
  isNeeded: (doc) => stepsWithoutList(doc).length > 0,
  run(doc) {
    for (const step of stepsWithoutList(doc)) {
      const channel = toOneOf(step.get(TOUCHPOINT.channel), CHANNELS, "custom");
      step.set(TOUCHPOINT.channels, toChannelList([channel]));
    }
  },
};
