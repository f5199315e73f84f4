/**
 * The votes of the map's talk document, read once per change of the document and shared by
 * every reader (useSyncExternalStore over a cached read).
 */
import { activeVote, readVotes, type VoteSession as Vote } from "@journeymap/schema";
import { useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { TalkSession } from "../talk/useTalk.ts";
import { useVoteContext } from "./VoteContext.ts";

export interface Votes {
  readonly all: readonly Vote[];
  /** The open or revealed vote, if any. */
  readonly active: Vote | null;
}

const NONE: Votes = { all: [], active: null };
const stores = new WeakMap<Y.Doc, { subscribe(l: () => void): () => void; read(): Votes }>();

function storeOf(doc: Y.Doc) {
  let store = stores.get(doc);
  if (store) return store;
  let cached: Votes | null = null;
  const listeners = new Set<() => void>();
  doc.on("update", () => {
    cached = null;
    for (const l of listeners) l();
  });
  store = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: () => {
      if (!cached) {
        const all = readVotes(doc);
        cached = { all, active: activeVote(all) };
      }
      return cached;
    },
  };
  stores.set(doc, store);
  return store;
}

const noSubscribe = () => () => {};

export function useVotesOf(talk: TalkSession | null): Votes {
  const store = talk ? storeOf(talk.doc) : null;
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () => store?.read() ?? NONE);
}

export function useVotes(): Votes {
  return useVotesOf(useVoteContext()?.talk ?? null);
}
