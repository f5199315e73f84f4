/**
 * The address a request really comes from. Behind a reverse proxy every request arrives from
 * the proxy, so per-address limits would lump everyone together; with `TRUST_PROXY` naming
 * the proxies, the client address is read from X-Forwarded-For, trusting only hops we know
 * (proxy-addr, the rule Express uses). Without it, forwarded headers are ignored: anyone can
 * write them.
 */
import type http from "node:http";
import proxyAddr from "proxy-addr";

export type TrustProxy = (address: string, hop: number) => boolean;

/** Trusts nobody: the socket's peer is the client. */
export const TRUST_NONE: TrustProxy = () => false;

/**
 * `TRUST_PROXY`: comma-separated addresses, CIDR subnets or the names `loopback`,
 * `linklocal`, `uniquelocal`. Throws on a malformed entry (config validation reports it).
 */
export function compileTrustProxy(setting: string | undefined): TrustProxy {
  const entries = (setting ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return entries.length === 0 ? TRUST_NONE : proxyAddr.compile(entries);
}

/** The client address of an HTTP request or a WebSocket upgrade. */
export function clientAddressOf(req: http.IncomingMessage, trust: TrustProxy): string {
  if (!req.socket.remoteAddress) return "unknown";
  return proxyAddr(req, trust);
}

/**
 * The client address of a request Hono got from @hono/node-server (`c.env.incoming`); null
 * when it was not served that way (tests calling `app.fetch` directly).
 */
export function clientAddressOfEnv(env: unknown, trust: TrustProxy): string | null {
  const incoming = (env as { incoming?: http.IncomingMessage } | undefined)?.incoming;
  return incoming ? clientAddressOf(incoming, trust) : null;
}
