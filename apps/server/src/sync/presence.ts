/**
 * Awareness is bound to connections: the first connection to announce a Yjs client id owns
 * it until it disconnects, so no one can overwrite someone else's presence; and the `user`
 * field (name, colour) of every state is set from the server's view of the connection, so no
 * one can pose as someone else.
 */
import type {
  beforeHandleAwarenessPayload,
  Extension,
  onDisconnectPayload,
} from "@hocuspocus/server";
import type { ConnectionContext } from "./access.ts";

export class Presence implements Extension {
  readonly extensionName = "journeymap-presence";
  /** documentName → Yjs client id → socket key of the owning connection. */
  private readonly owners = new Map<string, Map<number, string>>();

  async beforeHandleAwareness({
    documentName,
    states,
    context,
  }: beforeHandleAwarenessPayload<ConnectionContext>): Promise<void> {
    if (!context?.socketKey) return; // server-internal awareness
    let owners = this.owners.get(documentName);
    if (!owners) {
      owners = new Map();
      this.owners.set(documentName, owners);
    }
    for (const [clientId, state] of [...states]) {
      const owner = owners.get(clientId);
      if (owner !== undefined && owner !== context.socketKey) {
        states.delete(clientId);
        continue;
      }
      owners.set(clientId, context.socketKey);
      if (state && typeof state === "object") {
        const colour = context.colour ?? "#666666";
        // `color` too: Tiptap's collaboration carets read that spelling.
        state.user = { name: context.name ?? "Guest", colour, color: colour, role: context.role };
      }
    }
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
