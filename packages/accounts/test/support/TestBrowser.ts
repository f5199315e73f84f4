/**
 * A browser as far as accounts can tell: a cookie jar per host, an address, and requests that
 * carry the app's Origin (as fetch from the page does). Requests to the app go straight to
 * `Accounts.handler`; requests elsewhere (an OpenID provider) go over the network. Redirects
 * are returned, not followed, so tests see each hop.
 */
import type { Accounts } from "../../src/index.ts";
import { APP_URL } from "./testAccounts.ts";

interface StoredCookie {
  value: string;
  expires: number | null;
}

let nextAddress = 1;

/** Addresses from TEST-NET-2 (never routed): each browser gets its own, as people do. */
function freshAddress(): string {
  const n = nextAddress++;
  return `198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

export class TestBrowser {
  readonly address: string;
  private readonly accounts: Accounts;
  private readonly appUrl: string;
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  constructor(accounts: Accounts, options: { appUrl?: string; address?: string } = {}) {
    this.accounts = accounts;
    this.appUrl = options.appUrl ?? APP_URL;
    this.address = options.address ?? freshAddress();
  }

  /** A browser whose person has just signed up (and so is signed in). */
  static async signedUp(accounts: Accounts, email: string, password: string): Promise<TestBrowser> {
    const browser = new TestBrowser(accounts);
    const response = await browser.signUp(email, password);
    if (response.status !== 200) throw new Error(`sign-up failed: ${await response.text()}`);
    return browser;
  }

  /** The Cookie header this browser sends to a host. */
  cookieHeader(url: string = this.appUrl): string {
    const cookies = this.jar.get(new URL(url).host) ?? new Map<string, StoredCookie>();
    const now = Date.now();
    return [...cookies]
      .filter(([, c]) => c.expires === null || c.expires > now)
      .map(([name, c]) => `${name}=${c.value}`)
      .join("; ");
  }

  /** Headers of a request this browser makes to the app (for `sessionOf`). */
  headers(): Headers {
    return new Headers({ cookie: this.cookieHeader() });
  }

  async fetch(url: string, init: RequestInit & { origin?: string | null } = {}): Promise<Response> {
    const target = new URL(url, this.appUrl);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target.href);
    if (cookie !== "") headers.set("cookie", cookie);
    const origin = init.origin === undefined ? new URL(this.appUrl).origin : init.origin;
    if (origin !== null && (init.method ?? "GET") !== "GET") headers.set("origin", origin);
    const request = new Request(target, { ...init, headers, redirect: "manual" });
    const response =
      target.origin === new URL(this.appUrl).origin
        ? await this.accounts.handler(request, { address: this.address })
        : await fetch(request);
    this.remember(target, response);
    return response;
  }

  /** A JSON POST, as the web app's API client sends it. */
  post(path: string, body: unknown, init: { origin?: string | null } = {}): Promise<Response> {
    return this.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      ...init,
    });
  }

  signUp(email: string, password: string, name = email.split("@")[0]!): Promise<Response> {
    return this.post("/api/auth/sign-up/email", { email, password, name });
  }

  signIn(email: string, password: string): Promise<Response> {
    return this.post("/api/auth/sign-in/email", { email, password });
  }

  /** Set-Cookie handling with what tests need: names, values, Max-Age and Expires. */
  private remember(url: URL, response: Response): void {
    const cookies = this.jar.get(url.host) ?? new Map<string, StoredCookie>();
    this.jar.set(url.host, cookies);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      let expires: number | null = null;
      for (const attribute of attributes) {
        const [key, value = ""] = attribute.split("=");
        if (key!.toLowerCase() === "max-age") expires = Date.now() + Number(value) * 1000;
        else if (key!.toLowerCase() === "expires" && expires === null) expires = Date.parse(value);
      }
      if (expires !== null && expires <= Date.now()) cookies.delete(name);
      else cookies.set(name, { value: pair!.slice(eq + 1), expires });
    }
  }
}
