/** The server's small HTTP API for the map list. */
export interface MapSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `Request failed (${res.status})`);
  }
  return (await res.json()) as T;
}

export const listMaps = () => fetch("/api/maps").then((r) => json<MapSummary[]>(r));

export const listTemplates = () => fetch("/api/templates").then((r) => json<TemplateSummary[]>(r));

export const createMap = (input: { title?: string; template?: string }) =>
  fetch("/api/maps", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  }).then((r) => json<MapSummary>(r));
