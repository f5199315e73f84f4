/**
 * Where webhooks may be sent (SSRF): http(s) URLs whose host resolves to public addresses
 * only. Private (RFC 1918, unique-local), loopback, link-local (cloud metadata at
 * 169.254.169.254), shared, multicast and unspecified addresses are refused unless the
 * operator allows them (WEBHOOKS_ALLOW_PRIVATE, e.g. for an intranet chat server; tests do).
 * The check runs when a hook is saved and again on every connection (sendWebhook.ts resolves
 * through `checkedLookup`), so a name that later resolves elsewhere (DNS rebinding) is refused.
 */
import dns from "node:dns";
import net from "node:net";

const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  BLOCKED.addSubnet(prefix, bits, "ipv6");

export class RefusedAddress extends Error {
  override name = "RefusedAddress";
}

/** Whether `address` (an IP) is a public one a webhook may reach. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    // An IPv4-mapped address (::ffff:127.0.0.1) is the IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return isPublicAddress(mapped[1]);
    return !BLOCKED.check(address, "ipv6");
  }
  return !BLOCKED.check(address, "ipv4");
}

/** The URL's host as an address or name (IPv6 literals without their brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * Why `raw` may not receive webhooks, or null when it may: not http(s), credentials in it,
 * or a host that resolves (or is) a refused address.
 */
export async function refuseWebhookUrl(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "url: not a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "url: http or https only";
  if (url.username !== "" || url.password !== "") return "url: no user or password in it";
  if (allowPrivate) return null;
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = net.isIP(host)
      ? [host]
      : (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `url: ${host} does not resolve`;
  }
  const refused = addresses.find((a) => !isPublicAddress(a));
  return refused === undefined
    ? null
    : `url: ${host} is a private, loopback or link-local address (${refused}); webhooks go to public addresses only`;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** dns.lookup for http.request that refuses non-public addresses (unless allowed). */
export function checkedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused)
        return callback(
          new RefusedAddress(`${hostname} resolves to a refused address (${refused.address})`),
          [],
        );
      const first = addresses[0];
      if (options.all) return callback(null, addresses);
      if (!first) return callback(new RefusedAddress(`${hostname} has no address`), []);
      callback(null, first.address, first.family);
    });
  };
}
