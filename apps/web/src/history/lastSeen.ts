/**
 * The last sequence number of each map this browser has seen, in localStorage, for "what
 * changed since I last looked", and which changes were the person's own (left out of it).
 */
import { readPerMap } from "./perMapStorage.ts";

const KEY = "journeymap.lastSeen";

const readAll = (storage: Storage) => readPerMap(storage, KEY);

export function lastSeenSeq(mapId: string, storage: Storage = localStorage): number | null {
  const value = readAll(storage)[mapId];
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export function rememberSeen(mapId: string, seq: number, storage: Storage = localStorage): void {
  const all = readAll(storage);
  if (all[mapId] === seq) return;
  all[mapId] = seq;
  storage.setItem(KEY, JSON.stringify(all));
}

/**
 * Whether a change is the person's own: signed in, by their account id; a guest, by the name
 * they gave (all a guest's browser knows of them).
 */
export function ownChange(accountId: string | null, guestName: string) {
  return (by: { readonly author: string; readonly authorId?: string } | undefined) =>
    by !== undefined &&
    (accountId !== null ? by.authorId === accountId : guestName !== "" && by.author === guestName);
}
