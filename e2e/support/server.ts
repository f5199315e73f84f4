/**
 * The real server for e2e specs: testkit's server process (its own port and data folder,
 * restartable on both) serving the built web app, and what specs read back from it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, type ServerProcess, startServerProcess } from "@journeymap/testkit";
import * as Y from "yjs";

import { CreatedMap } from "@journeymap/protocol/http";

export { CreatedMap } from "@journeymap/protocol/http";
export { REPO_ROOT } from "@journeymap/testkit";
export type ServerHandle = ServerProcess;

// E2E_WEB_DIST lets parallel work build the web app into separate folders.
const WEB_DIST = process.env.E2E_WEB_DIST ?? path.join(REPO_ROOT, "apps/web/dist");

/** The server on `port` (a free one by default) with more environment (single sign-on…). */
export async function startServer(
  options: { readonly env?: Readonly<Record<string, string>>; readonly port?: number } = {},
): Promise<ServerHandle> {
  if (!existsSync(path.join(WEB_DIST, "index.html"))) {
    throw new Error(`${WEB_DIST} is missing: run \`pnpm --filter @journeymap/web build\` first`);
  }
  return startServerProcess({
    env: { ...options.env, WEB_DIST },
    ...(options.port === undefined ? {} : { port: options.port }),
  });
}

/** The map's document as the server holds it now, read with `token` (GET …/state). */
export async function serverDoc(
  server: ServerHandle,
  map: { readonly id: string; readonly token: string },
): Promise<Y.Doc> {
  const res = await fetch(`${server.url}/api/maps/${map.id}/state`, {
    headers: { authorization: `Bearer ${map.token}` },
  });
  if (!res.ok) throw new Error(`map state: ${res.status}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
  return doc;
}

/** A new map imported from a file (POST /api/maps/import), with its owner's token. */
export async function importMap(
  server: ServerHandle,
  kind: "json" | "csv" | "mermaid",
  file: string,
  title?: string,
): Promise<CreatedMap> {
  const query = title === undefined ? "" : `&title=${encodeURIComponent(title)}`;
  const res = await fetch(`${server.url}/api/maps/import?kind=${kind}${query}`, {
    method: "POST",
    body: file,
  });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return CreatedMap.parse(await res.json());
}
