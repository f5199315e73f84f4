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
import { CloseError } from "../limits.ts";
import type { ConnectionContext } from "./access.ts";

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const SERVER_AUTHOR = "server";

interface LoadedMap {
  readonly mapId: string;
  /** Highest sequence number logged for this map by this instance (or loaded). */
  maxLogged: number;
  /** Rows logged in beforeSync whose update is not applied yet, per connection. */
  readonly pendingByConnection: Map<unknown, number>;
  readonly pending: Set<number>;
  /** Server-side edits are logged in order through this chain. */
  writes: Promise<unknown>;
  onUpdate: (update: Uint8Array, origin: unknown) => void;
}

/**
 * The highest sequence number a checkpoint taken now may claim: every row up to it is in the
 * document. Rows logged but not yet applied (an append awaited by another connection) cap it.
 */
function checkpointSeq(state: LoadedMap): number {
  return state.pending.size === 0 ? state.maxLogged : Math.min(...state.pending) - 1;
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
    const stored = await this.store.loadMap(mapId);
    this.maps.set(documentName, {
      mapId,
      maxLogged: stored.seq,
      pendingByConnection: new Map(),
      pending: new Set(),
      writes: Promise.resolve(),
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
        const seq = state.pendingByConnection.get(origin.connection);
        if (seq !== undefined) {
          state.pending.delete(seq);
          state.pendingByConnection.delete(origin.connection);
        }
        return;
      }
      // Server-side edit (already applied): log it, in order, after earlier server edits.
      const row = {
        mapId: state.mapId,
        ts: this.now(),
        author: SERVER_AUTHOR,
        clientIds: [...Y.parseUpdateMeta(update).from.keys()],
        origin: "server" as const,
        bytes: update,
      };
      state.writes = state.writes
        .then(() => this.store.appendUpdate(row))
        .then(
          (seq) => {
            state.maxLogged = Math.max(state.maxLogged, seq);
          },
          (error: unknown) =>
            this.log.error({ err: error, mapId: state.mapId }, "logging a server edit failed"),
        );
    };
    state.onUpdate = onUpdate;
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
    let seq: number;
    try {
      seq = await this.store.appendUpdate({
        mapId: state.mapId,
        ts: this.now(),
        author: context.author ?? "anonymous",
        clientIds: [...Y.parseUpdateMeta(update).from.keys()],
        origin: "connection",
        bytes: update,
      });
    } catch (error) {
      // Not saved, so not confirmed: close this connection; the client keeps the change and
      // re-sends it when it reconnects.
      this.log.error({ err: error, mapId: state.mapId }, "appending an update failed");
      throw new CloseError("storeFailed");
    }
    state.maxLogged = Math.max(state.maxLogged, seq);
    state.pending.add(seq);
    state.pendingByConnection.set(connection, seq);
  }

  /** Resolves when every server-side edit of the map made so far is in the log. */
  async flush(documentName: string): Promise<void> {
    await this.maps.get(documentName)?.writes;
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const state = this.maps.get(documentName);
    if (!state) return;
    const upto = checkpointSeq(state);
    const snapshot = Y.encodeStateAsUpdate(document);
    await state.writes;
    await this.store.writeCheckpoint(state.mapId, upto, snapshot, this.now());
    await this.store.setTitle(state.mapId, readMapMetaFromDoc(document).title);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    await this.maps.get(documentName)?.writes;
    this.maps.delete(documentName);
  }
}
