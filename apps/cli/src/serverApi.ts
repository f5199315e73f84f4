/**
 * The CLI's calls to a running server (`--server`): import a file as a new map, export a map.
 * Paths and answers come from the protocol's route table; a refusal becomes the server's
 * message (with the problems of a refused file, one per line).
 */
import { ImportedMap, ImportRefusal, pathOf, ROUTES, type Route } from "@journeymap/protocol/http";
import { describeIssue, type ImportKind } from "@journeymap/schema/format";

export type Answer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

export interface Upload {
  readonly text: string;
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly title?: string | undefined;
}

/** POST /api/maps/import: the new map (with its owner's token), or why not. */
export async function importOnServer(server: string, upload: Upload): Promise<Answer<ImportedMap>> {
  const route = ROUTES.importMap;
  const query = new URLSearchParams({ kind: upload.kind, filename: upload.fileName });
  if (upload.title) query.set("title", upload.title);
  const res = await fetch(`${server}${route.path}?${query}`, {
    method: route.method,
    headers: { "content-type": "text/plain; charset=utf-8" },
    body: upload.text,
  });
  if (!(res.status in route.responses)) return { ok: false, message: await failure(res) };
  const created = ImportedMap.safeParse(await res.json().catch(() => null));
  return created.success
    ? { ok: true, value: created.data }
    : { ok: false, message: unexpected(route, res.status) };
}

/** GET /api/maps/{mapId}/export: the Journeymap file's text, or why not. */
export async function exportFromServer(
  server: string,
  map: { readonly mapId: string; readonly token: string; readonly comments: boolean },
): Promise<Answer<string>> {
  const route = ROUTES.exportMap;
  const path = pathOf(route.path, { mapId: map.mapId });
  const res = await fetch(`${server}${path}${map.comments ? "?comments=1" : ""}`, {
    headers: { authorization: `Bearer ${map.token}` },
  });
  if (!(res.status in route.responses)) return { ok: false, message: await failure(res) };
  return { ok: true, value: await res.text() };
}

/** The server's reason for a refusal, with the problems it lists (a file's, one per line). */
async function failure(res: Response): Promise<string> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `HTTP ${res.status}: ${text.slice(0, 200)}`;
  }
  const refusal = ImportRefusal.safeParse(json);
  if (!refusal.success) return `HTTP ${res.status}`;
  const issues = (refusal.data.errors ?? []).map((issue) => `  ${describeIssue(issue)}`);
  return [refusal.data.error, ...issues].join("\n");
}

const unexpected = (route: Route, status: number) =>
  `Unexpected answer from the server (${route.method} ${route.path} answered ${status})`;
