/**
 * Durable persistence as a Hocuspocus extension: an append-only update log written BEFORE
 * the server acknowledges an update, plus debounced checkpoints of the full state.
 *
 * Stock Hocuspocus acknowledges an update as soon as it is applied in memory and stores
 * 2–10 s later, so a crash loses confirmed edits (STACK.md §3.1). Here `beforeSync`
 * (awaited before the update is applied and acked) appends exactly what the server does not
 * have yet; if the append fails, the hook throws, the connection closes and nothing is
 * confirmed. Server-side edits (seeding, migrations, API writes) never pass `beforeSync`; a
 * document `update` listener logs them. Updates relayed from another instance (origin
 * "redis") are not logged twice.
 */
import { type Extension, isTransactionOrigin } from "@hocuspocus/server";
import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import { migrateMap, readMapMetaFromDoc } from "@journeymap/schema";
import * as Y from "yjs";
import { mapIdOf } from "../documentName.ts";
import type { Logger } from "../logger.ts";
import type { MapStore } from "../store/MapStore.ts";
import { CorruptMapError } from "../store/MapStore.ts";

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const SERVER_AUTHOR = "server";

export interface ConnectionContext {
  /** Who is writing, as the server knows it (set at authentication). */
  readonly author?: string;
}

interface LoadedMap {
  readonly mapId: string;
  /** Highest log sequence number known to be applied to the in-memory document. */
  appliedSeq: number;
  /** Sequence numbers logged in beforeSync and about to be applied, per connection. */
  readonly pending: Map<unknown, number>;
  readonly onUpdate: (update: Uint8Array, origin: unknown) => void;
}

/** True when applying `update` to `doc` would change nothing (a re-sync of known state). */
function isNoOp(doc: Y.Doc, update: Uint8Array): boolean {
  if (update.length <= 2) return true; // the empty update encodes as [0, 0]
  if (Y.parseUpdateMeta(update).from.size > 0) return false; // carries new structs
  return Y.snapshotContainsUpdate(Y.snapshot(doc), update); // delete set only
}

export class Persistence implements Extension {
  readonly extensionName = "journeymap-persistence";
  private readonly maps = new Map<string, LoadedMap>();
  private readonly store: MapStore;
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(store: MapStore, log: Logger, now: () => number = Date.now) {
    this.store = store;
    this.log = log;
    this.now = now;
  }

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<Uint8Array | null> {
    const mapId = mapIdOf(documentName);
    if (!mapId) throw new Error(`Not a map document: ${documentName}`);
    const stored = this.store.loadMap(mapId);
    this.maps.set(documentName, {
      mapId,
      appliedSeq: stored.seq,
      pending: new Map(),
      onUpdate: () => {},
    });
    if (stored.updates.length === 0) return null;
    try {
      return Y.mergeUpdates(stored.updates as Uint8Array[]);
    } catch (error) {
      throw new CorruptMapError(
        `Stored updates of map ${mapId} cannot be decoded: ${String(error)}`,
      );
    }
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const state = this.maps.get(documentName);
    if (!state) return;
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (isTransactionOrigin(origin) && origin.source === "redis") return;
      if (isTransactionOrigin(origin) && origin.source === "connection") {
        // Logged in beforeSync; now it is applied.
        const seq = state.pending.get(origin.connection);
        if (seq !== undefined) {
          state.appliedSeq = Math.max(state.appliedSeq, seq);
          state.pending.delete(origin.connection);
        }
        return;
      }
      // Server-side edit: log it synchronously, inside the transaction's cleanup.
      const seq = this.store.appendUpdate({
        mapId: state.mapId,
        ts: this.now(),
        author: SERVER_AUTHOR,
        clientIds: [...Y.parseUpdateMeta(update).from.keys()],
        origin: "server",
        bytes: update,
      });
      state.appliedSeq = Math.max(state.appliedSeq, seq);
    };
    (state as { onUpdate: LoadedMap["onUpdate"] }).onUpdate = onUpdate;
    document.on("update", onUpdate);
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
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (connection.readOnly) return; // Hocuspocus rejects it; it must not reach the log.
    const state = this.maps.get(documentName);
    if (!state) throw new Error(`Document ${documentName} is not loaded`);
    // Only what the server does not already have: a reconnecting client's SyncStep2 would
    // otherwise re-log its whole state. Throws on undecodable bytes: never confirmed.
    const update = Y.diffUpdate(payload, Y.encodeStateVector(document));
    if (isNoOp(document, update)) return;
    const seq = this.store.appendUpdate({
      mapId: state.mapId,
      ts: this.now(),
      author: context.author ?? "anonymous",
      clientIds: [...Y.parseUpdateMeta(update).from.keys()],
      origin: "connection",
      bytes: update,
    });
    state.pending.set(connection, seq);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const state = this.maps.get(documentName);
    if (!state) return;
    const upto = state.appliedSeq;
    this.store.writeCheckpoint(state.mapId, upto, Y.encodeStateAsUpdate(document), this.now());
    this.store.setTitle(state.mapId, readMapMetaFromDoc(document).title);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.maps.delete(documentName);
  }
}
