/**
 * Updates decoded once per message: UpdateGuard decodes each incoming update to validate it,
 * and the hooks after it on the same message (Persistence) read the decoded form instead of
 * decoding the bytes again. Hocuspocus hands every extension's `beforeSync` the same payload
 * object, so the payload is the key; nothing is kept once the message is done with.
 */
import * as Y from "yjs";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

const decoded = new WeakMap<Uint8Array, DecodedUpdate>();

export function rememberDecoded(payload: Uint8Array, update: DecodedUpdate): void {
  decoded.set(payload, update);
}

/** The decoded form of `payload`, decoding it if no earlier hook did. */
export function decodedOf(payload: Uint8Array): DecodedUpdate {
  return decoded.get(payload) ?? Y.decodeUpdate(payload);
}

/** Where each Yjs client's structs in the update start (Y.parseUpdateMeta's `from`). */
export function structStarts(update: DecodedUpdate): Map<number, number> {
  const from = new Map<number, number>();
  for (const struct of update.structs) {
    if (!from.has(struct.id.client)) from.set(struct.id.client, struct.id.clock);
  }
  return from;
}
