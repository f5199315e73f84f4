/**
 * The map's talk document (comments and the evidence inbox) beside the map: a second
 * provider multiplexed on the board's socket, named `talk:<mapId>`, with the same token. The
 * server decides what we may write here (commenters may; viewers may not), independently of
 * the map document. Not kept offline: comments are a conversation, not the map.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { canEdit, isRole, type Role, talkDocumentName } from "@journeymap/protocol";
import { type Author, readTalk, type Talk } from "@journeymap/schema";
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { displayName, tokenFor } from "../sync/tokens.ts";

export interface TalkSession {
  readonly doc: Y.Doc;
  /** True once the first sync is done. */
  readonly synced: boolean;
  /** The server lets us write comments (owner, editor, commenter). */
  readonly canWrite: boolean;
  /** Our display name as the server fixed it for this connection. */
  readonly me: string;
  /** Who we write as: the identity the server told us (it refuses comments under any other). */
  readonly author: Author;
  /** Editors and owners resolve and reopen threads. */
  readonly canModerate: boolean;
  /** Our role on the map as the server told it (a link's, or our account's); null until told. */
  readonly role: Role | null;
  /** We came by a link without an account: shown as a guest. */
  readonly guest: boolean;
  subscribe(listener: () => void): () => void;
  read(): Talk;
}

/** Reads the talk document once per change and tells subscribers. */
function talkStore(doc: Y.Doc): Pick<TalkSession, "subscribe" | "read"> {
  let cached: Talk | null = null;
  const listeners = new Set<() => void>();
  doc.on("update", () => {
    cached = null;
    for (const l of listeners) l();
  });
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: () => {
      cached ??= readTalk(doc);
      return cached;
    },
  };
}

export function useTalkConnection(
  mapId: string,
  mapProvider: HocuspocusProvider | null,
): TalkSession | null {
  const [state, setState] = useState<TalkSession | null>(null);
  const socket = mapProvider?.configuration.websocketProvider;
  useEffect(() => {
    if (!socket) return;
    const doc = new Y.Doc();
    const store = talkStore(doc);
    let author: Author = { name: displayName() || "Guest", id: "" };
    let role: Role | null = null;
    let guest = true;
    let synced = false;
    let canWrite = false;
    const publish = () =>
      setState({
        doc,
        synced,
        canWrite,
        me: author.name,
        author,
        canModerate: role !== null && canEdit(role),
        role,
        guest,
        ...store,
      });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: talkDocumentName(mapId),
      document: doc,
      token: tokenFor(mapId),
      onAuthenticated: ({ scope }) => {
        canWrite = scope === "read-write";
        publish();
      },
      onStateless: ({ payload }) => {
        const message = readIdentity(payload);
        if (!message) return;
        author = { name: message.name, id: message.authorId };
        role = isRole(message.role) ? message.role : null;
        guest = message.guest;
        publish();
      },
      onSynced: () => {
        synced = true;
        publish();
      },
    });
    provider.attach();
    publish();
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [mapId, socket]);
  return state;
}

interface Identity {
  readonly name: string;
  readonly authorId: string;
  readonly role: string;
  readonly guest: boolean;
}

/** The server's `identity` message (apps/server/src/sync/Access.ts), or null. */
function readIdentity(payload: string): Identity | null {
  try {
    const m = JSON.parse(payload) as Record<string, unknown>;
    return m.kind === "identity" &&
      typeof m.name === "string" &&
      typeof m.authorId === "string" &&
      typeof m.role === "string"
      ? // Servers from before accounts send no `guest`: everyone was one.
        { name: m.name, authorId: m.authorId, role: m.role, guest: m.guest !== false }
      : null;
  } catch {
    return null;
  }
}

export const TalkContext = createContext<TalkSession | null>(null);

export function useTalkSession(): TalkSession | null {
  return useContext(TalkContext);
}

const EMPTY: Talk = { threads: [], threadsByTarget: new Map(), inbox: [] };

export function useTalk(): Talk {
  const talk = useTalkSession();
  return useSyncExternalStore(talk?.subscribe ?? (() => () => {}), () => talk?.read() ?? EMPTY);
}
