/**
 * Durable persistence as a Hocuspocus extension: an append-only update log written BEFORE
 * the server acknowledges an update, plus debounced checkpoints of the full state.
 *
 * Stock Hocuspocus acknowledges an update as soon as it is applied in memory and stores
 * 2–10 s later, so a crash loses confirmed edits (its MessageReceiver acks right after
 * `readUpdate`; a SIGKILL test showed it). Here `beforeSync` appends exactly what the server
 * does not have yet, and nothing about the update leaves the server before that append has
 * committed: the gate holds the document's acknowledgements and relays until then
 * (`holdDocument`), so the appends of one event-loop turn share one commit even from a single
 * busy socket. If the append fails, every socket on the document closes, nothing is
 * confirmed, and the document is loaded from the log again (see `appendFailed`). With
 * scale-out (no `holdDocument`), the append is awaited before the update is applied. Server-side
 * edits (seeding, migrations, API writes) never pass `beforeSync`; a document `update`
 * listener logs them. Updates relayed from another instance (origin "redis") are logged by
 * the instance that received them, not here.
 *
 * A map's talk document (`talk:<id>`: comments and inbox) is persisted the same way in its
 * own log (the store keys logs by document name); it has no migrations and no title.
 *
 * Quotas (quota/): an update that would take the map past its size or daily quota, or that
 * arrives while the store has no room, is refused like a failed append: not applied, not
 * relayed, not acknowledged. The whole socket is closed with our code, not only the document:
 * a stock provider told that one document closed waits ~30 s before it notices, but after a
 * socket close it reconnects within a second and re-sends what was not confirmed.
 *
 * Checkpoints claim rows by containment, not by counting: a checkpoint covers row n only if
 * rows up to n are all contained in the state it stores (Y.snapshotContainsUpdate). That stays
 * true with appends still in flight and with several instances writing one map.
 */
import { type Document, type Extension, isTransactionOrigin } from "@hocuspocus/server";
import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import { migrateMap, readMapMetaFromDoc } from "@journeymap/schema";
import * as Y from "yjs";
import { CLOSE, type DocumentKind, parseDocumentName } from "@journeymap/protocol";
import { CloseError, type CloseReason } from "../limits.ts";
import { DAY_MS, MapUsage, type QuotaRefusal } from "../quota/MapUsage.ts";
import { DEFAULT_QUOTAS, type Quotas } from "../quota/quotas.ts";
import { StoreHealth } from "../quota/StoreHealth.ts";
import type { Logger } from "../logger.ts";
import type { MapStore, StoredState, UpdateRow } from "@journeymap/storage";
import type { ConnectionContext } from "./Access.ts";
import { decodedOf, structStarts } from "./decodedUpdates.ts";
import { carriesUpdate } from "./messageHeader.ts";

/** Stored bytes of a document that do not decode: that document refuses to load. */
export class CorruptMapError extends Error {
  override name = "CorruptMapError";
}

const SERVER_AUTHOR = "server";

interface LoadedMap {
  /** The document's name, which is also the name of its log in the store. */
  readonly doc: string;
  /** The map it belongs to (a map document's title is stored on the map). */
  readonly mapId: string;
  readonly kind: DocumentKind;
  /** The sequence number the latest checkpoint covers. */
  checkpointSeq: number;
  /** Server-side edits are logged in order through this chain. */
  writes: Promise<unknown>;
  onUpdate: ((update: Uint8Array, origin: unknown) => void) | null;
  readonly usage: MapUsage;
  /**
   * An append of an update already applied here failed: this in-memory document holds an edit
   * the log lacks, so it takes no more updates and is never checkpointed; its sockets are
   * closed, and it is loaded afresh from the log once they are gone (the clients re-send).
   */
  failed: boolean;
}

export interface PersistenceOptions {
  readonly now?: () => number;
  readonly health?: StoreHealth;
  readonly quotas?: Pick<Quotas, "maxMapBytes" | "maxMapLogBytesPerDay">;
  /** Closes a client's whole socket (WebSocketGate.closeSocket). */
  readonly closeSocket?: (socketKey: unknown, kind: CloseReason, reason: string) => void;
  /**
   * Holds what tells anyone of a document's update — its acknowledgement, its relay — until its
   * append settles (WebSocketGate.holdDocument). Given, a client's update is applied while its
   * append commits, together with the others of the same turn; absent (scale-out, where
   * Redis relays an update to other instances as it is applied), each append is awaited before
   * its update is applied.
   */
  readonly holdDocument?: (documentName: string, appended: Promise<unknown>) => void;
}

const ALWAYS_ROOM = new StoreHealth(
  { freeDiskBytes: async () => null, storeBytes: async () => 0 },
  { maxStoreBytes: null, minFreeDiskBytes: 0 },
);

/** True when applying `update` to `doc` would change nothing (a re-sync of known state). */
function isNoOp(doc: Y.Doc, update: Uint8Array): boolean {
  if (update.length <= 2) return true; // the empty update encodes as [0, 0]
  if (Y.parseUpdateMeta(update).from.size > 0) return false; // carries new structs
  return Y.snapshotContainsUpdate(Y.snapshot(doc), update); // delete set only
}

/** What of a client's update goes in the log: its bytes and the Yjs clients that wrote them. */
interface NewPart {
  readonly bytes: Uint8Array;
  readonly clientIds: number[];
}

/**
 * The part of `payload` the document does not have yet, or null when it adds nothing. A live
 * edit's structs all start at the document's clocks (a connection delivers in order), so it
 * is logged as it came: encoding the document's state vector and diffing against it for every
 * update was most of Persistence's own time. Only an update that repeats structs the document
 * has (a reconnecting client's SyncStep2) or carries deletions alone is cut down to what is new.
 */
function newPart(doc: Y.Doc, payload: Uint8Array): NewPart | null {
  const from = structStarts(decodedOf(payload));
  let fresh = from.size > 0;
  for (const [client, clock] of from) {
    if (clock < Y.getState(doc.store, client)) {
      fresh = false;
      break;
    }
  }
  // A copy: the payload is a view into the whole incoming message.
  if (fresh) return { bytes: payload.slice(), clientIds: [...from.keys()] };
  const update = Y.diffUpdate(payload, Y.encodeStateVector(doc));
  if (isNoOp(doc, update)) return null;
  return { bytes: update, clientIds: [...Y.parseUpdateMeta(update).from.keys()] };
}

export class Persistence implements Extension {
  readonly extensionName = "journeymap-persistence";
  private readonly maps = new Map<string, LoadedMap>();
  private readonly store: MapStore;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly health: StoreHealth;
  private readonly quotas: Pick<Quotas, "maxMapBytes" | "maxMapLogBytesPerDay">;
  private readonly closeSocket: NonNullable<PersistenceOptions["closeSocket"]>;
  private readonly holdDocument: PersistenceOptions["holdDocument"] | null;

  constructor(store: MapStore, log: Logger, options: PersistenceOptions = {}) {
    this.store = store;
    this.log = log;
    this.now = options.now ?? Date.now;
    this.health = options.health ?? ALWAYS_ROOM;
    this.quotas = options.quotas ?? DEFAULT_QUOTAS;
    this.closeSocket = options.closeSocket ?? (() => {});
    this.holdDocument = options.holdDocument ?? null;
  }

  async onLoadDocument({
    documentName,
    context,
  }: onLoadDocumentPayload): Promise<Uint8Array | null> {
    const parsed = parseDocumentName(documentName);
    if (!parsed) throw new Error(`Not a map document: ${documentName}`);
    const now = this.now();
    let stored: StoredState;
    let loggedLastDay: number;
    try {
      stored = await this.store.loadDocument(documentName);
      loggedLastDay = await this.store.logBytesSince(documentName, now - DAY_MS);
    } catch (error) {
      // Hocuspocus answers a failed load with a refusal, after which a provider never retries;
      // closing the socket makes it reconnect, so a store back from a restart is found again.
      this.log.error({ err: error, documentName }, "loading a map failed");
      this.refuse((context as Partial<ConnectionContext>).socketKey, "storeUnavailable");
    }
    const storedBytes = stored.updates.reduce((sum, u) => sum + u.length, 0);
    this.maps.set(documentName, {
      doc: documentName,
      mapId: parsed.mapId,
      kind: parsed.kind,
      checkpointSeq: stored.checkpointSeq,
      writes: Promise.resolve(),
      onUpdate: null,
      usage: new MapUsage(storedBytes, loggedLastDay, now),
      failed: false,
    });
    if (stored.updates.length === 0) return null;
    try {
      const merged = Y.mergeUpdates(stored.updates as Uint8Array[]);
      Y.applyUpdate(new Y.Doc(), merged); // fails here, not in the live document
      return merged;
    } catch (error) {
      this.maps.delete(documentName);
      this.log.error({ documentName, err: String(error) }, "stored map is corrupt");
      throw new CorruptMapError(`${documentName} cannot be loaded: its stored updates are corrupt`);
    }
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const state = this.maps.get(documentName);
    if (!state) return;
    state.onUpdate = (update, origin) => {
      // Client updates were logged in beforeSync; relayed ones by the instance that got them.
      if (
        isTransactionOrigin(origin) &&
        (origin.source === "connection" || origin.source === "redis")
      )
        return;
      // Server edits made for someone (a contribution) carry their name in the origin.
      const named =
        isTransactionOrigin(origin) && origin.source === "local"
          ? (origin.context as { author?: unknown } | undefined)?.author
          : undefined;
      const row: UpdateRow = {
        doc: state.doc,
        ts: this.now(),
        author: typeof named === "string" && named !== "" ? named : SERVER_AUTHOR,
        clientIds: [...Y.parseUpdateMeta(update).from.keys()],
        origin: "server",
        bytes: update,
      };
      state.writes = state.writes
        .then(() => this.append(state, row))
        .catch((error: unknown) =>
          this.log.error({ err: error, documentName: state.doc }, "logging a server edit failed"),
        );
    };
    document.on("update", state.onUpdate);
    if (state.kind !== "map") return;
    const applied = migrateMap(document);
    if (applied.length > 0) this.log.info({ mapId: state.mapId, applied }, "migrated map");
  }

  async beforeSync({
    type,
    payload,
    document,
    documentName,
    connection,
    context,
  }: beforeSyncPayload<ConnectionContext>): Promise<void> {
    if (!carriesUpdate(type)) return;
    if (connection.readOnly) return; // Hocuspocus rejects it; it must not reach the log.
    const state = this.maps.get(documentName);
    if (!state) throw new Error(`Document ${documentName} is not loaded`);
    if (state.failed) this.refuse(context.socketKey, "storeFailed");
    // Only what the server does not already have: a reconnecting client's SyncStep2 would
    // otherwise re-log its whole state. (UpdateGuard has checked that it decodes.)
    const update = newPart(document, payload);
    if (update === null) return;
    const refusal = await this.refusal(state, update.bytes.length);
    if (refusal) {
      this.log.warn({ mapId: state.mapId, reason: refusal.detail }, "update refused by a quota");
      this.refuse(context.socketKey, refusal.kind, refusal.detail);
    }
    const row: UpdateRow = {
      doc: state.doc,
      ts: this.now(),
      author: context.author ?? "anonymous",
      clientIds: update.clientIds,
      origin: "connection",
      bytes: update.bytes,
    };
    if (this.holdDocument) {
      const appended = this.append(state, row);
      this.holdDocument(documentName, appended);
      appended.catch((error: unknown) => this.appendFailed(state, document, error));
      return;
    }
    try {
      await this.append(state, row);
    } catch (error) {
      // Not saved, so not confirmed: close this connection; the client keeps the change and
      // re-sends it when it reconnects.
      this.log.error({ err: error, mapId: state.mapId }, "appending an update failed");
      this.refuse(context.socketKey, "storeFailed");
    }
  }

  /**
   * An update applied here could not be logged. Nobody was told of it (the gate held its
   * acknowledgement and relay), but the in-memory document has it: every socket on the document is closed, so no
   * one is acknowledged against a state the log lacks, and the document unloads and is loaded
   * from the log again. Its clients (and everyone the update was relayed to) still hold it and
   * re-send it when they reconnect.
   */
  private appendFailed(state: LoadedMap, document: Document, error: unknown): void {
    if (!state.failed)
      this.log.error({ err: error, mapId: state.mapId }, "appending an update failed");
    state.failed = true;
    for (const connection of document.getConnections())
      this.closeSocket(
        (connection.context as Partial<ConnectionContext>).socketKey,
        "storeFailed",
        CLOSE.storeFailed.reason,
      );
  }

  /** Why the store will not take `bytes` more for this map now, or null. */
  private async refusal(
    state: LoadedMap,
    bytes: number,
  ): Promise<QuotaRefusal | { kind: "storeFull"; detail: string } | null> {
    const room = await this.health.room();
    if (!room.ok) return { kind: "storeFull", detail: room.reason };
    return state.usage.refusal(bytes, this.now(), this.quotas);
  }

  private refuse(socketKey: unknown, kind: CloseReason, detail?: string): never {
    const error = new CloseError(kind, detail);
    this.closeSocket(socketKey, kind, error.reason);
    throw error;
  }

  private async append(state: LoadedMap, row: UpdateRow): Promise<number> {
    try {
      const seq = await this.store.appendUpdate(row);
      state.usage.logged(row.bytes.length, row.ts);
      this.health.writeSucceeded();
      return seq;
    } catch (error) {
      this.health.writeFailed(`Could not save an update: ${String(error)}`.slice(0, 200));
      throw error;
    }
  }

  /** Resolves when every server-side edit of the map made so far is in the log. */
  async flush(documentName: string): Promise<void> {
    await this.maps.get(documentName)?.writes;
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const state = this.maps.get(documentName);
    if (!state || state.failed) return;
    // State and snapshot of the same moment; rows are checked against it below.
    const snapshot = Y.snapshot(document);
    const encoded = Y.encodeStateAsUpdate(document);
    const title = state.kind === "map" ? readMapMetaFromDoc(document).title : null;
    await state.writes;
    const rows = await this.store.readUpdates(
      state.doc,
      state.checkpointSeq + 1,
      Number.MAX_SAFE_INTEGER,
    );
    let upto = state.checkpointSeq;
    for (const row of rows) {
      if (row.seq !== upto + 1 || !Y.snapshotContainsUpdate(snapshot, row.bytes)) break;
      upto = row.seq;
    }
    state.usage.measured(encoded.length);
    if (upto > state.checkpointSeq) {
      await this.store.writeCheckpoint(state.doc, upto, encoded, this.now());
      state.checkpointSeq = upto;
    }
    if (title !== null) await this.store.setTitle(state.mapId, title);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    await this.maps.get(documentName)?.writes;
    this.maps.delete(documentName);
  }
}
