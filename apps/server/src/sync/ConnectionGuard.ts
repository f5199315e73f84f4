/**
 * What the guards that take access away from live connections share (LinkGuard: links revoked
 * or expired; AccountGuard: a person's access removed or changed). Authentication checks
 * access once, when a socket opens a document; a guard keeps checking while it stays open.
 *
 * - Every message of a connection the guard says is ending is refused before it is handled,
 *   and again right before persistence (other hooks may have awaited since the message
 *   began), so writes still queued on the server behind the decision never reach the log
 *   (Hocuspocus handles a socket's messages one by one, each append awaited).
 * - Ending sends the document's close message (its reason reaches the provider) and then
 *   closes the socket with the code, so the client's provider reconnects and authenticates
 *   again: refused, or let in with what access it has now.
 */
import type {
  beforeHandleMessagePayload,
  beforeSyncPayload,
  Connection,
  Extension,
  Hocuspocus,
  onConfigurePayload,
} from "@hocuspocus/server";
import { CLOSE, CloseError, type CloseReason } from "../limits.ts";
import type { ConnectionContext } from "./Access.ts";

export type CloseSocket = (socketKey: unknown, kind: CloseReason) => void;

export abstract class ConnectionGuard implements Extension {
  abstract readonly extensionName: string;
  /** Above the default (100): refuse before persistence appends. */
  readonly priority = 101;
  private instance: Hocuspocus | null = null;
  /** Closes the socket a connection belongs to (WebSocketGate.closeSocket). */
  protected readonly closeSocket: CloseSocket;

  constructor(closeSocket: CloseSocket) {
    this.closeSocket = closeSocket;
  }

  /** Why a connection is to end now, or null while it may stay. */
  protected abstract endingOf(connection: Connection<ConnectionContext>): CloseReason | null;

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  async beforeHandleMessage({
    connection,
  }: beforeHandleMessagePayload<ConnectionContext>): Promise<void> {
    this.refuseEnding(connection);
  }

  async beforeSync({ connection }: beforeSyncPayload<ConnectionContext>): Promise<void> {
    this.refuseEnding(connection);
  }

  /** The instance's live connections, every document's. */
  protected *connections(): Generator<Connection<ConnectionContext>> {
    for (const document of this.instance?.documents.values() ?? []) {
      for (const connection of document.connections.keys()) {
        yield connection as Connection<ConnectionContext>;
      }
    }
  }

  protected end(connection: Connection<ConnectionContext>, kind: CloseReason): void {
    connection.close(CLOSE[kind]);
    this.closeSocket(connection.context.socketKey, kind);
  }

  private refuseEnding(connection: Connection<ConnectionContext>): void {
    const ending = this.endingOf(connection);
    if (!ending) return;
    this.closeSocket(connection.context.socketKey, ending);
    throw new CloseError(ending);
  }
}
