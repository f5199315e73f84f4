/**
 * Who may open which document. For now: any client may open a map that exists; names that
 * are not map names, and maps that do not exist, are refused before a document is created
 * (validating in onLoadDocument instead would leak a document, ueberdosis/hocuspocus#1156).
 * Signed, role-scoped share links come with the server issue.
 */
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { mapIdOf } from "../documentName.ts";
import type { MapStore } from "../store/MapStore.ts";
import type { ConnectionContext } from "./persistence.ts";

export class Access implements Extension {
  readonly extensionName = "journeymap-access";
  private readonly store: MapStore;

  constructor(store: MapStore) {
    this.store = store;
  }

  async onAuthenticate({ documentName }: onAuthenticatePayload): Promise<ConnectionContext> {
    const mapId = mapIdOf(documentName);
    if (!mapId) throw new Error(`Invalid document name: ${documentName.slice(0, 80)}`);
    if (!(await this.store.hasMap(mapId))) throw new Error(`No such map: ${mapId}`);
    return { author: "anonymous" };
  }
}
