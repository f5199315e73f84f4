/**
 * The last sequence number of each map this browser has seen, in localStorage, for "what
 * changed since I last looked".
 */
const KEY = "journeymap.lastSeen";

function readAll(storage: Storage): Record<string, number> {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? "{}") as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

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
