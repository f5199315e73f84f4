/** Real Hocuspocus providers against a running server, and waiting on what they report. */
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";

export interface ProviderClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves when every local change has been acknowledged by the server. */
  confirmed(): Promise<void>;
  destroy(): void;
}

export interface ProviderOptions {
  /** The server's sync endpoint (ws://…/sync). */
  readonly wsUrl: string;
  /** The document name (`map:<id>`, `talk:<id>`). */
  readonly name: string;
  readonly token: string;
  /** The person's display name, sent as the server expects it (a query parameter). */
  readonly displayName?: string;
  /**
   * The WebSocket class to connect with (the global one by default); e.g. one that sends a
   * signed-in person's session cookie with the upgrade, as a browser does.
   */
  readonly webSocket?: unknown;
}

/** Opens a provider and resolves once it has synced; rejects when authentication fails. */
export async function connectProvider(options: ProviderOptions): Promise<ProviderClient> {
  const doc = new Y.Doc();
  const query =
    options.displayName === undefined ? "" : `?name=${encodeURIComponent(options.displayName)}`;
  const provider = new HocuspocusProvider({
    url: `${options.wsUrl}${query}`,
    name: options.name,
    document: doc,
    token: options.token,
    ...(options.webSocket ? { WebSocketPolyfill: options.webSocket } : {}),
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
