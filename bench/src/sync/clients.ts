/**
 * Benchmark clients: real providers for each server kind, one WebSocket each.
 * Journeymap: HocuspocusProvider with an owner token. Stock Hocuspocus: HocuspocusProvider
 * without one. Reference: y-websocket's provider.
 */
import { mapDocumentName } from "@journeymap/protocol";
import { connectProvider, createMapOverHttp } from "@journeymap/testkit";
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
  if (server.kind !== "journeymap") return { name: `bench-${i}`, token: "" };
  const { id, token } = await createMapOverHttp(`http://127.0.0.1:${server.port}`, {
    template: "blank",
    title: `Bench ${i}`,
  });
  return { name: mapDocumentName(id), token };
}

export async function connectClient(server: ServerProcess, map: MapHandle): Promise<BenchClient> {
  if (server.kind === "reference") {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.wsUrl, map.name, doc, { disableBc: true });
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once("sync", () => resolve());
    });
    return { doc, confirmed: async () => {}, destroy: () => provider.destroy() };
  }
  return connectProvider({ wsUrl: server.wsUrl, name: map.name, token: map.token });
}
