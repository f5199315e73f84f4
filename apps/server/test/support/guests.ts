/**
 * People who hold a link and no account, connected as the web app connects them: with the
 * name they typed and their browser's key in the sync URL. On a talk document the server
 * tells each connection who it is (its guest id); tests write comments as that identity.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { type Client, confirmedBy } from "./clients.ts";

export interface Identity {
  readonly name: string;
  readonly id: string;
  readonly guest: boolean;
}

export interface Guest extends Client {
  /** What the server told the connection it is: only talk documents are told. */
  readonly identity: Promise<Identity>;
}

/** A synced provider on `documentName` as a guest called `name` with `browserKey`. */
export async function openAsGuest(
  server: { wsUrl: string },
  documentName: string,
  token: string,
  name: string,
  browserKey: string,
): Promise<Guest> {
  const doc = new Y.Doc();
  let told: (me: Identity) => void = () => {};
  const identity = new Promise<Identity>((resolve) => (told = resolve));
  const provider = new HocuspocusProvider({
    url: `${server.wsUrl}?name=${encodeURIComponent(name)}&key=${browserKey}`,
    name: documentName,
    document: doc,
    token,
    onStateless: ({ payload }) => {
      const message = JSON.parse(payload) as Record<string, unknown>;
      if (message.kind === "identity")
        told({
          name: String(message.name),
          id: String(message.authorId),
          guest: message.guest === true,
        });
    },
  });
  await new Promise<void>((resolve) => provider.on("synced", () => resolve()));
  return {
    doc,
    provider,
    identity,
    confirmed: () => confirmedBy(provider),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
