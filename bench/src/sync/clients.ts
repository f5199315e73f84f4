/**
 * Benchmark clients: real providers for each server kind, one WebSocket each.
 * Journeymap: HocuspocusProvider with an owner token. Reference: y-websocket's provider.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { ServerProcess } from "./processes.ts";

export interface BenchClient {
  readonly doc: Y.Doc;
  /** Resolves when the server has confirmed every local change (reference: no confirmations). */
  confirmed(): Promise<void>;
  destroy(): void;
}

export interface MapHandle {
  readonly name: string;
  readonly token: string;
}

/** A map to sync: Journeymap maps are created through the API (they need a token). */
export async function createBenchMap(server: ServerProcess, i: number): Promise<MapHandle> {
  if (server.kind === "reference") return { name: `bench-${i}`, token: "" };
  const res = await fetch(`http://127.0.0.1:${server.port}/api/maps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ template: "blank", title: `Bench ${i}` }),
  });
  const { id, token } = (await res.json()) as { id: string; token: string };
  return { name: `map:${id}`, token };
}

export async function connectClient(server: ServerProcess, map: MapHandle): Promise<BenchClient> {
  const doc = new Y.Doc();
  if (server.kind === "reference") {
    const provider = new WebsocketProvider(server.wsUrl, map.name, doc, { disableBc: true });
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once("sync", () => resolve());
    });
    return { doc, confirmed: async () => {}, destroy: () => provider.destroy() };
  }
  const provider = new HocuspocusProvider({
    url: server.wsUrl,
    name: map.name,
    document: doc,
    token: map.token,
  });
  await new Promise<void>((resolve, reject) => {
    provider.on("synced", () => resolve());
    provider.on("authenticationFailed", () => reject(new Error("auth failed")));
  });
  return {
    doc,
    confirmed: () =>
      new Promise<void>((resolve) => {
        if (provider.unsyncedChanges === 0) return resolve();
        const check = () => {
          if (provider.unsyncedChanges === 0) {
            provider.off("unsyncedChanges", check);
            resolve();
          }
        };
        provider.on("unsyncedChanges", check);
      }),
    destroy: () => provider.destroy(),
  };
}
