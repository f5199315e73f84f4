/** A value per map under one localStorage key, as JSON: unreadable or missing reads as empty. */
export function readPerMap(storage: Storage, key: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? "{}") as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
