/** Real servers on port 0 with throw-away data folders, and real providers, for tests. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { readConfig } from "../src/config.ts";
import { createServer, type RunningServer, type ServerOptions } from "../src/createServer.ts";
import type { Limits } from "../src/limits.ts";

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  readonly wsUrl: string;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "journeymap-test-"));
}

export async function startServer(
  dataDir = tempDir(),
  webDist = "/nonexistent",
  databaseUrl?: string,
  limits?: Partial<Limits>,
  /** More environment variables for readConfig (quotas, TRUST_PROXY…). */
  env: Record<string, string> = {},
  options: Omit<ServerOptions, "limits" | "logger"> = {},
): Promise<TestServer> {
  const config = readConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    WEB_DIST: webDist,
    LOG_LEVEL: "silent",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const server = await createServer(config, { ...options, ...(limits ? { limits } : {}) });
  return { ...server, dataDir, wsUrl: `ws://127.0.0.1:${server.port}/sync` };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Owner tokens of the maps tests created, by map id. */
const ownerTokens = new Map<string, string>();

export function ownerToken(mapId: string): string {
  const token = ownerTokens.get(mapId);
  if (!token) throw new Error(`no owner token for ${mapId}`);
  return token;
}

export async function createMap(server: { url: string }, body: object = {}): Promise<string> {
  const res = await fetch(`${server.url}/api/maps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create map: ${res.status} ${await res.text()}`);
  const { id, token } = (await res.json()) as { id: string; token: string };
  ownerTokens.set(id, token);
  return id;
}

/** A share link for a map, issued with the owner's token. */
export async function shareLink(
  server: { url: string },
  mapId: string,
  role: string,
): Promise<{ token: string; link: { id: string } }> {
  const res = await fetch(`${server.url}/api/maps/${mapId}/links`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ownerToken(mapId)}` },
    body: JSON.stringify({ role, label: role }),
  });
  if (res.status !== 201) throw new Error(`share link: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; link: { id: string } };
}

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves when every local change has been acknowledged by the server. */
  confirmed(): Promise<void>;
  destroy(): void;
}

/** Resolves when every local change of `provider` has been acknowledged by the server. */
export function confirmedBy(provider: HocuspocusProvider): Promise<void> {
  return new Promise<void>((resolve) => {
    if (provider.unsyncedChanges === 0) return resolve();
    const check = () => {
      if (provider.unsyncedChanges === 0) {
        provider.off("unsyncedChanges", check);
        resolve();
      }
    };
    provider.on("unsyncedChanges", check);
  });
}

export async function connect(
  server: { wsUrl: string },
  documentName: string,
  token?: string,
  displayName = "Tester",
): Promise<Client> {
  const doc = new Y.Doc();
  const mapId = documentName.replace(/^map:/, "");
  const provider = new HocuspocusProvider({
    url: `${server.wsUrl}?name=${encodeURIComponent(displayName)}`,
    name: documentName,
    document: doc,
    token: token ?? ownerTokens.get(mapId) ?? "",
  });
  await new Promise<void>((resolve, reject) => {
    provider.on("synced", () => resolve());
    provider.on("authenticationFailed", ({ reason }: { reason: string }) =>
      reject(new Error(`authentication failed: ${reason}`)),
    );
  });
  return {
    doc,
    provider,
    confirmed: () => confirmedBy(provider),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate` holds, re-checking after every change of `doc`. */
export function until(doc: Y.Doc, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate()) return resolve();
    const check = () => {
      if (predicate()) {
        doc.off("update", check);
        resolve();
      }
    };
    doc.on("update", check);
  });
}
