/** In-memory replicas for checks that judge a client's update against the server's document. */
import * as Y from "yjs";

export interface ClientReplica {
  readonly client: Y.Doc;
  /** Makes a change on the client and returns the update it produced. */
  edit(fn: (doc: Y.Doc) => void): Uint8Array;
}

/** A client holding everything `server` has now. */
export function clientOf(server: Y.Doc): ClientReplica {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return {
    client,
    edit: (fn) => {
      const before = Y.encodeStateVector(client);
      fn(client);
      return Y.encodeStateAsUpdate(client, before);
    },
  };
}
