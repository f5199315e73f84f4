/**
 * Reads an awareness message as the client sent it, before Hocuspocus decodes it: which client
 * ids it announces, and whether any state is too large. Hocuspocus hands the hooks a decoded
 * map that also holds the client id of its own scratch decoder (a fresh id with state `{}`
 * per message), so only the raw message tells who the sender really speaks for.
 */
import * as decoding from "lib0/decoding";
import { CloseError } from "../limits.ts";

/** Hocuspocus' MessageType.Awareness. */
export const AWARENESS_MESSAGE = 1;

/**
 * The client ids an awareness message (whole Hocuspocus message) announces a state for; ids it
 * only removes (state `null`) are left out. Null when the message is not an awareness message.
 * Throws CloseError when a state is longer than `maxStateBytes` or the message is unreadable.
 */
export function announcedClients(message: Uint8Array, maxStateBytes: number): Set<number> | null {
  try {
    const outer = decoding.createDecoder(message);
    decoding.readVarString(outer);
    if (decoding.readVarUint(outer) !== AWARENESS_MESSAGE) return null;
    const decoder = decoding.createDecoder(decoding.readVarUint8Array(outer));
    const clients = new Set<number>();
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      // The state is a length-prefixed JSON string: its length is known before it is read.
      const bytes = decoding.readVarUint8Array(decoder);
      if (bytes.length > maxStateBytes) {
        throw new CloseError("awarenessTooLarge", `${bytes.length} bytes > ${maxStateBytes}`);
      }
      if (!(bytes.length === 4 && String.fromCharCode(...bytes) === "null")) clients.add(clientId);
    }
    return clients;
  } catch (error) {
    if (error instanceof CloseError) throw error;
    throw new CloseError("malformedUpdate", "unreadable awareness message");
  }
}
