/**
 * Signing out leaves nothing of the person on the device: the maps' local copies (the
 * IndexedDB databases y-indexeddb keeps, one per map: sync/useMapConnection.ts), the link
 * tokens held for maps, their name, browser key, last-seen marks and the cached account. Only
 * preferences of the device itself stay (the theme).
 */
import { THEME_STORAGE_KEY } from "../ui/theme.ts";

const APP_PREFIX = "journeymap.";
const MAP_COPY_PREFIX = "journeymap:";
/** Preferences of the device, not of a person: kept. */
const DEVICE_KEYS: ReadonlySet<string> = new Set([THEME_STORAGE_KEY]);

/** The localStorage keys that are a person's: the app's, except the device's preferences. */
export function personalKeys(keys: Iterable<string>): string[] {
  return [...keys].filter((key) => key.startsWith(APP_PREFIX) && !DEVICE_KEYS.has(key));
}

/** Whether an IndexedDB database is a map's local copy. */
export function isMapCopy(databaseName: string | undefined): databaseName is string {
  return databaseName?.startsWith(MAP_COPY_PREFIX) === true;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // Still open in another tab: deleted as soon as that tab lets go of it.
    request.onblocked = () => resolve();
  });
}

export async function forgetDevice(): Promise<void> {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? "");
    for (const key of personalKeys(keys)) localStorage.removeItem(key);
  } catch {
    // No storage: nothing was kept there.
  }
  const databases = await indexedDB.databases?.().catch(() => []);
  await Promise.all(
    (databases ?? [])
      .map((d) => d.name)
      .filter(isMapCopy)
      .map(deleteDatabase),
  );
}
