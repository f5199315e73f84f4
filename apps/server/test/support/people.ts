/**
 * Signed-in people against a test server, as the web app is: a session cookie from signing up
 * over HTTP, requests from the app's origin, each person from an address of their own (the
 * server must trust loopback as a proxy: `PEOPLE_ENV`), and live providers opened with the
 * cookie instead of a token.
 */
import { connectProvider, type ProviderClient } from "@journeymap/testkit";
import WebSocket from "ws";

/** What the server's environment needs for people to come from addresses of their own. */
export const PEOPLE_ENV = { TRUST_PROXY: "loopback" } as const;

const PASSWORD = "correct horse battery 1";
let nextAddress = 1;

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly cookie: string;
  /** A JSON request to the server as this person (from the app's origin). */
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
}

/** A person who has just signed up (email + password) and holds the session cookie. */
export async function signUp(server: { url: string }, name: string): Promise<Person> {
  const address = `198.51.100.${nextAddress++ % 250}`;
  const email = `${name.toLowerCase()}@example.com`;
  const request = async (
    cookie: string,
    method: string,
    path: string,
    body?: unknown,
    more?: Record<string, string>,
  ) => {
    const headers = new Headers(more);
    headers.set("origin", server.url);
    headers.set("x-forwarded-for", address);
    if (cookie) headers.set("cookie", cookie);
    if (body !== undefined) headers.set("content-type", "application/json");
    return fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };
  const signedUp = await request("", "POST", "/api/auth/sign-up/email", {
    email,
    name,
    password: PASSWORD,
  });
  if (signedUp.status !== 200) throw new Error(`sign-up of ${name}: ${await signedUp.text()}`);
  const { user } = (await signedUp.json()) as { user: { id: string } };
  const cookie = signedUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return {
    id: user.id,
    name,
    email,
    cookie,
    async call<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
      const response = await request(cookie, method, path, body, headers);
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** A workspace the person creates (they are its admin). */
export async function createWorkspace(person: Person, name: string): Promise<string> {
  const slug = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await person.call<{ id: string }>("POST", "/api/auth/organization/create", {
    name,
    slug,
  });
  if (created.status !== 200) throw new Error(`workspace ${name}: ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** A map `person` creates in a workspace: its id and owner token. */
export async function createMapIn(
  person: Person,
  title: string,
  workspaceId: string,
): Promise<{ id: string; token: string }> {
  const created = await person.call<{ id: string; token: string }>("POST", "/api/maps", {
    title,
    workspaceId,
  });
  if (created.status !== 201) throw new Error(`map ${title}: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** Invites `person` to the workspace with `role` (as `admin`) and has them accept. */
export async function join(
  admin: Person,
  workspaceId: string,
  person: Person,
  role: string,
): Promise<void> {
  const invited = await admin.call<{ id: string }>("POST", "/api/auth/organization/invite-member", {
    email: person.email,
    role,
    organizationId: workspaceId,
  });
  if (invited.status !== 200) throw new Error(`invite: ${JSON.stringify(invited.body)}`);
  const accepted = await person.call("POST", "/api/auth/organization/accept-invitation", {
    invitationId: invited.body.id,
  });
  if (accepted.status !== 200) throw new Error(`accept: ${JSON.stringify(accepted.body)}`);
}

/** A live provider opened as the signed-in person (their cookie on the upgrade, no token). */
export async function connectAs(
  server: { url: string; wsUrl: string },
  person: Person,
  documentName: string,
): Promise<ProviderClient> {
  const headers = { cookie: person.cookie, origin: server.url };
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return connectProvider({
    wsUrl: server.wsUrl,
    name: documentName,
    token: "",
    webSocket: CookieSocket,
  });
}
