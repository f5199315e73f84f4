/**
 * Validates every incoming update (size, decodability, value depth, and that it needs nothing
 * the document lacks) before any other hook
 * sees it: a bad update closes only the offending connection, with a clear reason, and is
 * never applied, logged or acknowledged.
 */
import type { beforeHandleMessagePayload, beforeSyncPayload, Extension } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { CloseError, type CloseSocket, type Limits } from "../limits.ts";
import { missingDependency } from "./missingDependencies.ts";
import { rememberDecoded } from "./decodedUpdates.ts";
import { carriesUpdate } from "./messageHeader.ts";
import { validateUpdate } from "./validateUpdate.ts";

interface SocketContext {
  readonly socketKey?: string;
}

/**
 * Message types a client may send (Hocuspocus' MessageType): Sync, Awareness, Auth,
 * QueryAwareness, SyncReply, Stateless, Close. Hocuspocus merely logs unknown types; we close.
 */
const CLIENT_MESSAGE_TYPES = new Set([0, 1, 2, 3, 4, 5, 7]);

export class UpdateGuard implements Extension {
  readonly extensionName = "journeymap-update-guard";
  /** Runs before persistence (higher priority first). */
  readonly priority = 1000;
  private readonly limits: Limits;
  private readonly onReject: CloseSocket;

  /** `onReject` records the rejection and closes the whole socket, not just the document. */
  constructor(limits: Limits, onReject: CloseSocket = () => {}) {
    this.limits = limits;
    this.onReject = onReject;
  }

  async beforeHandleMessage({
    update,
    context,
  }: beforeHandleMessagePayload<SocketContext>): Promise<void> {
    let type: number;
    try {
      const decoder = decoding.createDecoder(update);
      decoding.readVarString(decoder);
      type = decoding.readVarUint(decoder);
    } catch {
      this.reject(new CloseError("malformedUpdate", "unreadable message header"), context);
    }
    if (!CLIENT_MESSAGE_TYPES.has(type)) {
      this.reject(new CloseError("unsupportedMessage", String(type)), context);
    }
  }

  async beforeSync({
    type,
    payload,
    document,
    context,
  }: beforeSyncPayload<SocketContext>): Promise<void> {
    if (!carriesUpdate(type)) return;
    let missing: string | null;
    try {
      const decoded = validateUpdate(payload, this.limits);
      rememberDecoded(payload, decoded);
      missing = missingDependency(document, payload, decoded);
    } catch (error) {
      this.reject(error instanceof CloseError ? error : new CloseError("malformedUpdate"), context);
    }
    // Applied, it would wait in the document for good (see missingDependencies.ts).
    if (missing !== null) this.reject(new CloseError("missingDependencies", missing), context);
  }

  private reject(error: CloseError, context: SocketContext | undefined): never {
    this.onReject(error.kind, context?.socketKey, error.reason);
    throw error;
  }
}
