/** Real providers on a test server, and waiting for what they receive instead of sleeping. */
import { mapIdOf } from "@journeymap/protocol";
import { connectProvider, type ProviderClient } from "@journeymap/testkit";
import type * as Y from "yjs";
import { knownOwnerToken } from "./maps.ts";

export { confirmedBy } from "@journeymap/testkit";
export type Client = ProviderClient;

/** A synced provider on `documentName`, with the map owner's token unless given another. */
export function connect(
  server: { wsUrl: string },
  documentName: string,
  token?: string,
  displayName = "Tester",
): Promise<Client> {
  const mapId = mapIdOf(documentName);
  return connectProvider({
    wsUrl: server.wsUrl,
    name: documentName,
    token: token ?? (mapId ? knownOwnerToken(mapId) : null) ?? "",
    displayName,
  });
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
