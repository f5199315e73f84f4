/**
 * Server-side reads and edits of live documents go through Hocuspocus direct connections, so
 * an edit is applied to the one in-memory document every client is synced to, broadcast to
 * them (and to other instances through Redis), and logged by Persistence like any other
 * server edit. A write resolves only once its update is in the log.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { Persistence } from "./Persistence.ts";

export interface EditContext {
  /** Shown as the author of the logged update. */
  readonly author: string;
}

export class LiveDocuments {
  private readonly hocuspocus: Hocuspocus;
  private readonly persistence: Persistence;

  constructor(hocuspocus: Hocuspocus, persistence: Persistence) {
    this.hocuspocus = hocuspocus;
    this.persistence = persistence;
  }

  async read<T>(documentName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const connection = await this.hocuspocus.openDirectConnection(documentName, {});
    try {
      if (!connection.document) throw new Error(`Document ${documentName} did not open`);
      return fn(connection.document);
    } finally {
      // Kept warm: the next request (an integration posting a batch) reuses it.
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  async write<T>(documentName: string, context: EditContext, fn: (doc: Y.Doc) => T): Promise<T> {
    const connection = await this.hocuspocus.openDirectConnection(documentName, context);
    try {
      let result!: T;
      await connection.transact((doc) => {
        result = fn(doc);
      });
      await this.persistence.flush(documentName);
      return result;
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }
}
