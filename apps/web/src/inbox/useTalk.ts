/**
 * The map's talk document (comments and the evidence inbox) beside the map: a second
 * provider multiplexed on the board's socket, named `talk:<mapId>`, with the same token. The
 * server decides what we may write here (commenters may; viewers may not), independently of
 * the map document. Not kept offline: comments are a conversation, not the map.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { readTalk, type Talk } from "@journeymap/schema";
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { displayName, tokenFor } from "../sync/tokens.ts";

export interface TalkSession {
  readonly doc: Y.Doc;
  /** True once the first sync is done. */
  readonly synced: boolean;
  /** The server lets us write comments (owner, editor, commenter). */
  readonly canWrite: boolean;
  /** Our display name: the author of what we write. */
  readonly me: string;
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
    const me = displayName() || "Guest";
    let synced = false;
    let canWrite = false;
    const publish = () => setState({ doc, synced, canWrite, me, ...store });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: `talk:${mapId}`,
      document: doc,
      token: tokenFor(mapId),
      onAuthenticated: ({ scope }) => {
        canWrite = scope === "read-write";
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

export const TalkContext = createContext<TalkSession | null>(null);

export function useTalkSession(): TalkSession | null {
  return useContext(TalkContext);
}

const EMPTY: Talk = { threads: [], threadsByTarget: new Map(), inbox: [] };

export function useTalk(): Talk {
  const talk = useTalkSession();
  return useSyncExternalStore(talk?.subscribe ?? (() => () => {}), () => talk?.read() ?? EMPTY);
}
