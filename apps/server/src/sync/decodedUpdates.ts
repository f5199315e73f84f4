/**
 * Updates decoded once per message: UpdateGuard decodes each incoming update to validate it,
 * and the hooks after it on the same message (Persistence) read the decoded form instead of
 * decoding the bytes again. Hocuspocus hands every extension's `beforeSync` the same payload
 * object, so the payload (by identity) is the key.
 *
 * A small ring, not a WeakMap: the hooks of one message run within a few microtask hops, while
 * a WeakMap entry per message (an ephemeron for the collector) cost 1.4 % of the server's time
 * under the 500-client fan-out. Other connections' messages may interleave between the hooks,
 * hence a few slots; a payload pushed out is decoded again, never confused with another.
 */
import * as Y from "yjs";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Messages whose hooks may be in flight at once before a decoded form is looked up. */
const SLOTS = 32;
const payloads: (Uint8Array | null)[] = new Array(SLOTS).fill(null);
const updates: (DecodedUpdate | null)[] = new Array(SLOTS).fill(null);
let next = 0;

export function rememberDecoded(payload: Uint8Array, update: DecodedUpdate): void {
  payloads[next] = payload;
  updates[next] = update;
  next = (next + 1) % SLOTS;
}

/** The decoded form of `payload`, decoding it if no earlier hook did (or it was pushed out). */
export function decodedOf(payload: Uint8Array): DecodedUpdate {
  for (let i = 1; i <= SLOTS; i++) {
    const slot = (next - i + SLOTS) % SLOTS;
    if (payloads[slot] === payload) {
      // Taken: the message is done with, and the ring keeps no payload alive longer than needed.
      const update = updates[slot] as DecodedUpdate;
      payloads[slot] = null;
      updates[slot] = null;
      return update;
    }
  }
  return Y.decodeUpdate(payload);
}

/** Where each Yjs client's structs in the update start (Y.parseUpdateMeta's `from`). */
export function structStarts(update: DecodedUpdate): Map<number, number> {
  const from = new Map<number, number>();
  for (const struct of update.structs) {
    if (!from.has(struct.id.client)) from.set(struct.id.client, struct.id.clock);
  }
  return from;
}
