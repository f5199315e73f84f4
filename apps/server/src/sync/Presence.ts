/**
 * Awareness is bound to connections: the first connection to announce a Yjs client id owns
 * it until it disconnects, so no one can overwrite someone else's presence; and the `user`
 * field (id, name, whether a guest, colour, role) of every state is set from the connection's
 * identity (Access.ts), so no one can pose as someone else, and a guest is shown as one.
 *
 * What one connection can pin: each state it announces is kept and relayed to everyone, so a
 * state may be only so large and a connection may announce only a few client ids; past either
 * the whole socket is closed. Only the ids the client itself announced pass (unpatched,
 * Hocuspocus' decoder added one fresh client id of its own per message; our patch of it,
 * patches/@hocuspocus__server@4.7.0.patch, no longer does).
 */
import type {
  beforeHandleAwarenessPayload,
  beforeHandleMessagePayload,
  Extension,
  onDisconnectPayload,
} from "@hocuspocus/server";
import { CloseError, type CloseSocket, type Limits } from "../limits.ts";
import type { ConnectionContext } from "./Access.ts";
import { announcedClients } from "./awarenessUpdate.ts";

type AwarenessLimits = Pick<Limits, "maxAwarenessStateBytes" | "maxAwarenessClientsPerConnection">;

export class Presence implements Extension {
  readonly extensionName = "journeymap-presence";
  /** documentName → Yjs client id → socket key of the owning connection. */
  private readonly owners = new Map<string, Map<number, string>>();
  /** The ids the message being handled on a connection announced (read in beforeHandleMessage). */
  private readonly announced = new WeakMap<object, Set<number>>();
  private readonly limits: AwarenessLimits;
  private readonly onReject: CloseSocket;

  /** `onReject` closes the whole socket, not just the document (as UpdateGuard's). */
  constructor(limits: AwarenessLimits, onReject: CloseSocket = () => {}) {
    this.limits = limits;
    this.onReject = onReject;
  }

  /** Hocuspocus handles one message of a connection at a time: this one, then its awareness. */
  async beforeHandleMessage({
    update,
    connection,
    context,
  }: beforeHandleMessagePayload<ConnectionContext>): Promise<void> {
    try {
      const clients = announcedClients(update, this.limits.maxAwarenessStateBytes);
      if (clients) this.announced.set(connection, clients);
    } catch (error) {
      this.reject(error as CloseError, context);
    }
  }

  async beforeHandleAwareness({
    documentName,
    states,
    context,
    connection,
  }: beforeHandleAwarenessPayload<ConnectionContext>): Promise<void> {
    if (!context?.socketKey) return; // server-internal awareness
    const announced = connection ? this.announced.get(connection) : undefined;
    if (connection) this.announced.delete(connection);
    let owners = this.owners.get(documentName);
    if (!owners) {
      owners = new Map();
      this.owners.set(documentName, owners);
    }
    for (const [clientId, state] of [...states]) {
      const owner = owners.get(clientId);
      if ((owner !== undefined && owner !== context.socketKey) || !announced?.has(clientId)) {
        states.delete(clientId);
        continue;
      }
      if (owner === undefined) {
        if (
          this.ownedBy(owners, context.socketKey) >= this.limits.maxAwarenessClientsPerConnection
        ) {
          this.reject(
            new CloseError(
              "tooManyClientIds",
              `more than ${this.limits.maxAwarenessClientsPerConnection}`,
            ),
            context,
          );
        }
        owners.set(clientId, context.socketKey);
      }
      if (state && typeof state === "object") {
        const colour = context.colour ?? "#666666";
        // `color` too: Tiptap's collaboration carets read that spelling.
        state.user = {
          id: context.authorId,
          name: context.name ?? "Guest",
          guest: context.guest ?? true,
          colour,
          color: colour,
          role: context.role,
        };
      }
    }
  }

  private ownedBy(owners: Map<number, string>, socketKey: string): number {
    let count = 0;
    for (const key of owners.values()) if (key === socketKey) count++;
    return count;
  }

  private reject(error: CloseError, context: ConnectionContext | undefined): never {
    this.onReject(error.kind, context?.socketKey, error.reason);
    throw error;
  }

  async onDisconnect({
    documentName,
    context,
  }: onDisconnectPayload<ConnectionContext>): Promise<void> {
    const owners = this.owners.get(documentName);
    if (!owners) return;
    for (const [clientId, key] of owners) if (key === context?.socketKey) owners.delete(clientId);
    if (owners.size === 0) this.owners.delete(documentName);
  }
}
