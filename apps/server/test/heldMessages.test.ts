/**
 * Write before ack on the way out (HeldMessages, used by WebSocketGate.holdDocument): a
 * document's messages wait for every append started before them, keep their order, are dropped
 * when an append they waited for failed, and one group commit's messages go out in one release.
 */
import { describe, expect, it } from "vitest";
import { HeldMessages, type HeldTarget } from "../src/sync/HeldMessages.ts";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Lets every settled append and the release that follows run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function recorder() {
  const sent: string[] = [];
  const batches: string[][] = [];
  let current: string[] | null = null;
  const held = new HeldMessages<string>({
    batch: (send) => {
      current = [];
      send();
      batches.push(current);
      current = null;
    },
  });
  const target = (name: string): HeldTarget<string> => ({
    send: (message) => {
      sent.push(`${name}:${message}`);
      current?.push(`${name}:${message}`);
    },
  });
  return { held, sent, batches, target };
}

describe("HeldMessages", () => {
  it("sends at once when nothing of the document is being appended", () => {
    const { held, sent, target } = recorder();
    held.push("d", target("a"), "m");
    expect(sent).toEqual(["a:m"]);
  });

  it("holds a message until every append started before it has committed, in order", async () => {
    const { held, sent, target } = recorder();
    const first = deferred();
    const second = deferred();
    held.hold("d", first.promise);
    held.push("d", target("a"), "ack1");
    held.hold("d", second.promise);
    held.push("d", target("b"), "relay2");
    held.push("d", target("a"), "ack2");
    // The second append commits first: nothing may go out before the first has.
    second.resolve();
    await settle();
    expect(sent).toEqual([]);
    first.resolve();
    await settle();
    expect(sent).toEqual(["a:ack1", "b:relay2", "a:ack2"]);
    expect(held.size).toBe(0);
  });

  it("keeps later messages behind earlier ones still waiting for their release", async () => {
    const { held, sent, target } = recorder();
    const append = deferred();
    held.hold("d", append.promise);
    held.push("d", target("a"), "held");
    append.resolve();
    // Committed, not yet released: a message sent now must not overtake the held one.
    await Promise.resolve();
    held.push("d", target("a"), "later");
    await settle();
    expect(sent).toEqual(["a:held", "a:later"]);
  });

  it("drops what waited for a failed append and sends what did not", async () => {
    const { held, sent, target } = recorder();
    const ok = deferred();
    const failed = deferred();
    const after = deferred();
    held.hold("d", ok.promise);
    held.push("d", target("a"), "before");
    held.hold("d", failed.promise);
    held.push("d", target("a"), "onFailed");
    held.hold("d", after.promise);
    held.push("d", target("b"), "afterFailed");
    ok.resolve();
    failed.reject(new Error("disk full"));
    after.resolve();
    await settle();
    expect(sent).toEqual(["a:before"]);
    // Once everything has settled, the document starts afresh (it was reloaded from the log).
    expect(held.size).toBe(0);
    held.push("d", target("a"), "fresh");
    expect(sent).toEqual(["a:before", "a:fresh"]);
  });

  it("releases one group commit's messages of every document in one batch", async () => {
    const { held, batches, target } = recorder();
    const commit = deferred();
    for (const doc of ["d1", "d2"]) {
      for (let i = 0; i < 3; i++) {
        held.hold(doc, commit.promise);
        held.push(doc, target("a"), `${doc}-${i}`);
      }
    }
    commit.resolve();
    await settle();
    expect(batches).toEqual([["a:d1-0", "a:d1-1", "a:d1-2", "a:d2-0", "a:d2-1", "a:d2-2"]]);
  });

  it("leaves other documents' messages alone", async () => {
    const { held, sent, target } = recorder();
    const append = deferred();
    held.hold("d1", append.promise);
    held.push("d1", target("a"), "held");
    held.push("d2", target("a"), "free");
    expect(sent).toEqual(["a:free"]);
    append.resolve();
    await settle();
    expect(sent).toEqual(["a:free", "a:held"]);
  });
});
