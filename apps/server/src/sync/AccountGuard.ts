/**
 * Ends or downgrades live access when a signed-in person's does: removed from the workspace,
 * a lower role, a share withdrawn (announced here or, through revocations.ts, on another
 * instance; ConnectionGuard.ts: how a connection is refused and ended). Authentication reads
 * a person's role once; this re-reads it for their open connections when told, and closes
 * those whose role is gone (CLOSE.accessRemoved: the provider reconnects and is refused) or
 * changed (CLOSE.roleChanged: it reconnects with the new role, read-only for a viewer).
 *
 * - `accessChanged` re-reads at once, and again a moment later: a connection that was
 *   authenticating against a read from just before the change is caught by the second pass.
 * - `recheck` re-reads every account connection's role: periodically, and when the scale-out
 *   bus comes back (messages sent while it was down are lost).
 *
 * Only connections whose role came from the person's account are checked: someone signed in
 * who opened a map by a link holds the link's role, which LinkGuard guards.
 */
import type { Connection } from "@hocuspocus/server";
import { parseDocumentName } from "@journeymap/protocol";
import { type CloseReason, LINK_RECHECK_INTERVAL_MS } from "../limits.ts";
import type { Logger } from "../logger.ts";
import type { AccountRoles } from "../people/accountRoles.ts";
import type { ConnectionContext } from "./Access.ts";
import { type CloseSocket, ConnectionGuard } from "./ConnectionGuard.ts";

/** When the second look after a change happens (ms): longer than an authentication takes. */
const SECOND_LOOK_MS = 2000;

type Ending = Extract<CloseReason, "accessRemoved" | "roleChanged">;

export interface AccountGuardOptions {
  readonly roles: AccountRoles;
  /** Closes the socket a connection belongs to (WebSocketGate.closeSocket). */
  readonly closeSocket: CloseSocket;
  readonly log: Logger;
}

export class AccountGuard extends ConnectionGuard {
  readonly extensionName = "journeymap-account-guard";
  private readonly options: AccountGuardOptions;
  /** Connections decided to end, whose messages are refused until they are gone. */
  private readonly ending = new WeakMap<Connection<ConnectionContext>, Ending>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly interval: NodeJS.Timeout;
  private rechecking: Promise<void> | null = null;

  constructor(options: AccountGuardOptions) {
    super(options.closeSocket);
    this.options = options;
    this.interval = setInterval(() => void this.recheck(), LINK_RECHECK_INTERVAL_MS);
    this.interval.unref();
  }

  /** A person's access changed (here or elsewhere): re-read their connections' roles now. */
  accessChanged(userId: string): Promise<void> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.check((context) => context.userId === userId);
    }, SECOND_LOOK_MS);
    timer.unref();
    this.timers.add(timer);
    return this.check((context) => context.userId === userId);
  }

  /** Re-reads the role of every account connection (the backstop for a missed message). */
  recheck(): Promise<void> {
    this.rechecking ??= this.check(() => true).finally(() => {
      this.rechecking = null;
    });
    return this.rechecking;
  }

  stop(): void {
    clearInterval(this.interval);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  protected endingOf(connection: Connection<ConnectionContext>): Ending | null {
    return this.ending.get(connection) ?? null;
  }

  private async check(which: (context: ConnectionContext) => boolean): Promise<void> {
    // One read per person and map, however many tabs they have open on it.
    const byPersonAndMap = new Map<string, Connection<ConnectionContext>[]>();
    for (const connection of this.connections()) {
      const { context } = connection;
      if (context.roleFrom !== "account" || !context.userId || !which(context)) continue;
      const mapId = parseDocumentName(connection.document.name)?.mapId;
      if (!mapId) continue;
      const key = JSON.stringify([context.userId, mapId]);
      byPersonAndMap.set(key, [...(byPersonAndMap.get(key) ?? []), connection]);
    }
    for (const [key, connections] of byPersonAndMap) {
      const [userId, mapId] = JSON.parse(key) as [string, string];
      try {
        const role = await this.options.roles.roleOnMap(userId, mapId);
        for (const connection of connections) {
          if (role === null) this.endAccess(connection, "accessRemoved");
          else if (role !== connection.context.role) this.endAccess(connection, "roleChanged");
        }
      } catch (error) {
        this.options.log.warn({ err: error, userId, mapId }, "re-reading a person's role failed");
      }
    }
  }

  private endAccess(connection: Connection<ConnectionContext>, ending: Ending): void {
    if (this.ending.has(connection)) return;
    this.ending.set(connection, ending);
    this.options.log.info(
      { userId: connection.context.userId, document: connection.document.name, reason: ending },
      "closing a connection whose access changed",
    );
    this.end(connection, ending);
  }
}
