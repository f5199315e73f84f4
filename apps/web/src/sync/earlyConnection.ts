/**
 * The board's connection opened as soon as the address names a map (openEarly.ts), while the
 * board's code is still loading, so the socket, the server's sync and the local copy's read
 * run in parallel with the chunks; the board's useMapConnection takes it over when it mounts.
 */
import { type LiveConnection, openMapConnection } from "./mapConnection.ts";

let early: LiveConnection | null = null;
/** The board said it will not use an early connection (it asks a guest's name first). */
let declined = false;

/** Opens `mapId` now, for the board that is about to mount. */
export function openEarly(mapId: string): void {
  if (declined) return;
  early?.close();
  early = openMapConnection(mapId);
}

/** The connection opened early for `mapId`, handed over once (null if there is none). */
export function takeEarlyConnection(mapId: string): LiveConnection | null {
  if (early?.mapId !== mapId) return null;
  const taken = early;
  early = null;
  return taken;
}

/** Closes the connection opened early, or keeps one from opening: the board will not use it. */
export function discardEarlyConnection(): void {
  declined = true;
  early?.close();
  early = null;
}
