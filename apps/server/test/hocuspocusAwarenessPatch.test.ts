/**
 * Our patch of @hocuspocus/server (patches/, docs/benchmarks.md "Issue 20: after holding
 * acknowledgements"): an incoming awareness update is decoded straight into the states
 * `beforeHandleAwareness` sees, without a scratch Y.Doc and Awareness per message. Unpatched,
 * the hook also sees the scratch Awareness' own fresh client id (one per message), which is how
 * this test tells the two apart; what reaches the other clients must stay the same.
 */
import { type beforeHandleAwarenessPayload, Server } from "@hocuspocus/server";
import { connectProvider, freePort, type ProviderClient } from "@journeymap/testkit";
import { afterEach, describe, expect, it } from "vitest";

const TIMEOUT = 60_000;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("Hocuspocus awareness without a scratch document (patch)", () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(
    "hands the hook exactly the announced states and relays them with the hook's edits",
    async () => {
      const seen: Map<number, unknown>[] = [];
      const port = await freePort();
      const server = new Server({
        port,
        address: "127.0.0.1",
        quiet: true,
        extensions: [
          {
            async beforeHandleAwareness({ states }: beforeHandleAwarenessPayload) {
              seen.push(new Map(states));
              // The hook may rewrite a state: what it leaves is what everyone gets.
              for (const state of states.values()) {
                if (state && typeof state === "object")
                  (state as { stamped?: boolean }).stamped = true;
              }
            },
          },
        ],
      });
      await server.listen();
      cleanups.push(() => server.destroy());
      const wsUrl = `ws://127.0.0.1:${port}`;
      const clients: ProviderClient[] = [];
      for (let i = 0; i < 2; i++) {
        const client = await connectProvider({ wsUrl, name: "doc", token: "" });
        clients.push(client);
        cleanups.push(() => client.destroy());
      }
      const [alice, bob] = clients as [ProviderClient, ProviderClient];
      const aliceAwareness = alice.provider.awareness!;
      const aliceId = alice.doc.clientID;

      seen.length = 0;
      aliceAwareness.setLocalStateField("cursor", { x: 3 });
      await until(
        () =>
          (bob.provider.awareness!.getStates().get(aliceId) as { cursor?: unknown })?.cursor !==
          undefined,
        "alice's cursor at bob",
      );
      const withCursor = seen.find((states) => states.has(aliceId));
      expect(withCursor).toBeDefined();
      // Only the client that sent it: no fresh id of a scratch Awareness.
      expect([...withCursor!.keys()]).toEqual([aliceId]);
      expect(withCursor!.get(aliceId)).toMatchObject({ cursor: { x: 3 } });
      expect(bob.provider.awareness!.getStates().get(aliceId)).toMatchObject({
        cursor: { x: 3 },
        stamped: true,
      });

      // A later state (a higher clock) replaces the earlier one.
      aliceAwareness.setLocalStateField("cursor", { x: 4 });
      await until(
        () =>
          (bob.provider.awareness!.getStates().get(aliceId) as { cursor?: { x: number } })?.cursor
            ?.x === 4,
        "alice's moved cursor at bob",
      );
      for (const states of seen)
        expect([...states.keys()].every((id) => id === aliceId)).toBe(true);
    },
    TIMEOUT,
  );
});
