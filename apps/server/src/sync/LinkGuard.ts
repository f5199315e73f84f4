/**
 * Ends live access when a link does: a revoked link (here or, through revocations.ts, on
 * another instance) or an expired one (ConnectionGuard.ts: how a connection is refused and
 * ended).
 *
 * - `revoke` closes this instance's connections of the link at once and remembers the link for
 *   a while, so a connection that authenticated against a read from just before the revocation
 *   is caught by the next sweep.
 * - A sweep closes connections whose link expired or was remembered as revoked; a slower
 *   recheck re-reads the links of live connections from the store, the backstop for a
 *   revocation message this instance never got.
 */
import type { Connection } from "@hocuspocus/server";
import { LINK_RECHECK_INTERVAL_MS, LINK_SWEEP_INTERVAL_MS } from "../limits.ts";
import type { Logger } from "../logger.ts";
import type { ConnectionContext } from "./Access.ts";
import { type CloseSocket, ConnectionGuard } from "./ConnectionGuard.ts";

/** How long a revoked link is remembered (ms): far longer than any authentication takes. */
const REMEMBER_REVOKED_MS = 60_000;

type Ending = "linkRevoked" | "linkExpired";

export interface LinkGuardOptions {
  /** Whether a link still grants access, read from the store (AccessService.isLive). */
  readonly isLive: (linkId: string) => Promise<boolean>;
  /** Closes the socket a connection belongs to (WebSocketGate.closeSocket). */
  readonly closeSocket: CloseSocket;
  readonly log: Logger;
  readonly now?: () => number;
}

export class LinkGuard extends ConnectionGuard {
  readonly extensionName = "journeymap-link-guard";
  private readonly options: LinkGuardOptions;
  private readonly now: () => number;
  /** Revoked link ids and when this instance learned it. */
  private readonly revoked = new Map<string, number>();
  private readonly timers: NodeJS.Timeout[];
  private rechecking: Promise<void> | null = null;

  constructor(options: LinkGuardOptions) {
    super(options.closeSocket);
    this.options = options;
    this.now = options.now ?? Date.now;
    this.timers = [
      setInterval(this.sweep, LINK_SWEEP_INTERVAL_MS),
      setInterval(() => void this.recheck(), LINK_RECHECK_INTERVAL_MS),
    ];
    for (const timer of this.timers) timer.unref();
  }

  /** A link was revoked (here or elsewhere): close its connections on this instance now. */
  revoke(linkId: string): void {
    this.revoked.set(linkId, this.now());
    for (const connection of [...this.connections()]) {
      if (connection.context.linkId === linkId) this.endLink(connection, "linkRevoked");
    }
  }

  /**
   * Re-reads the link of every live connection from the store and ends those no longer live.
   * Runs periodically, and when the scale-out bus comes back (messages sent while it was down
   * are lost).
   */
  recheck(): Promise<void> {
    this.rechecking ??= (async () => {
      const links = new Set<string>();
      for (const connection of this.connections()) {
        if (connection.context.linkId) links.add(connection.context.linkId);
      }
      for (const linkId of links) {
        if (!(await this.options.isLive(linkId))) this.revoke(linkId);
      }
    })()
      .catch((error: unknown) => this.options.log.warn({ err: error }, "rechecking links failed"))
      .finally(() => {
        this.rechecking = null;
      });
    return this.rechecking;
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  private readonly sweep = (): void => {
    const now = this.now();
    for (const [linkId, at] of this.revoked) {
      if (now - at > REMEMBER_REVOKED_MS) this.revoked.delete(linkId);
    }
    for (const connection of [...this.connections()]) {
      const ending = this.endingOf(connection);
      if (ending) this.endLink(connection, ending);
    }
  };

  protected endingOf({ context }: Connection<ConnectionContext>): Ending | null {
    if (context.linkId !== undefined && this.revoked.has(context.linkId)) return "linkRevoked";
    if (typeof context.expiresAt === "number" && context.expiresAt <= this.now())
      return "linkExpired";
    return null;
  }

  private endLink(connection: Connection<ConnectionContext>, ending: Ending): void {
    this.options.log.info(
      { linkId: connection.context.linkId, document: connection.document.name, reason: ending },
      "closing a connection whose link ended",
    );
    this.end(connection, ending);
  }
}
