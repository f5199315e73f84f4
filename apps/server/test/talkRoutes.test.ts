/**
 * Contract tests of the contribution API against a running server: every documented route
 * exists (and every contrib route is documented), good input is answered with the documented
 * shapes, bad input with a 4xx naming the problem and no change, idempotency keys, CSV import
 * with preview, body-size and rate limits, and submissions reaching an editor's live document.
 */
import { readTalk } from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { InboxImportResult, InboxItemList, Outline, SubmitResult } from "@journeymap/protocol/http";
import { API_ACTION, ROLE, talkDocumentName } from "@journeymap/protocol";
import { createTalkRoutes } from "../src/http/talkRoutes.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { apiLink, createMap, ownerToken, shareLink } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";

let server: TestServer;
let mapId: string;
let otherMap: string;
let apiToken: string;
let readToken: string;
let contributor: string;
let viewer: string;
let touchpointId: string;
let touchpointName: string;
const clients: Client[] = [];

function post(path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const inboxPath = () => `/api/maps/${mapId}/inbox`;
const inboxSize = async () =>
  (
    (await (
      await fetch(`${server.url}${inboxPath()}`, {
        headers: { authorization: `Bearer ${readToken}` },
      })
    ).json()) as unknown[]
  ).length;

const good = () => ({
  text: "The invoice page times out when I download last year's invoices",
  kind: "ticket",
  source: "ZD-4711",
  url: "https://help.example.test/tickets/4711",
  touchpointId,
  sentiment: -2,
  contributor: "Zendesk",
  team: "Support",
});

beforeAll(async () => {
  server = await startServer({ contribLimits: { perMinute: 600, burst: 200 } });
  mapId = await createMap(server, { title: "Contrib" });
  otherMap = await createMap(server, { title: "Other" });
  apiToken = await apiLink(server, mapId, [API_ACTION.evidenceWrite]);
  readToken = await apiLink(server, mapId, [API_ACTION.mapRead]);
  contributor = (await shareLink(server, mapId, ROLE.contributor)).token;
  viewer = (await shareLink(server, mapId, ROLE.viewer)).token;
  const outline = Outline.parse(
    await (
      await fetch(`${server.url}/api/maps/${mapId}/outline`, {
        headers: { authorization: `Bearer ${contributor}` },
      })
    ).json(),
  );
  const tp = outline.phases[1]?.touchpoints[0];
  if (!tp) throw new Error("template has no touchpoints");
  touchpointId = tp.id;
  touchpointName = tp.name;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

describe("contribution API: OpenAPI", () => {
  it("serves an OpenAPI 3.1 document that documents every talk route", async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    const router = createTalkRoutes({ access: {} as never, inbox: {} as never });
    // (a route with middleware is listed once per handler: count it once)
    const served = [
      ...new Set(router.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)),
    ].sort();
    // The whole app's routes against the document: openapi.test.ts.
    expect(served.length).toBe(4);
    expect(documented).toEqual(expect.arrayContaining(served));
    // The request schema is generated from the validator: its fields are the accepted ones.
    expect(Object.keys(doc.components.schemas.SubmissionBody?.properties ?? {}).sort()).toEqual(
      Object.keys(good()).sort(),
    );
    // Every referenced schema exists.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs)
      expect(doc.components.schemas).toHaveProperty(ref.split("/").at(-1) as string);
  });
});

describe("contribution API: submissions", () => {
  it("accepts evidence from an API token (201) and shows it live in an editor's inbox", async () => {
    const editor = await connect(server, talkDocumentName(mapId), ownerToken(mapId), "Eda");
    clients.push(editor);
    const res = await post(inboxPath(), apiToken, good());
    expect(res.status).toBe(201);
    const body = SubmitResult.parse(await res.json());
    expect(body.created).toBe(true);
    expect(body.item).toMatchObject({
      status: "new",
      via: "api",
      contributor: "Zendesk",
      touchpointId,
    });
    await until(editor.doc, () => readTalk(editor.doc).inbox.some((i) => i.id === body.item.id));
    // Logged as a server edit in the talk document's log, attributed to the contributor.
    const rows = await server.store.readUpdates(talkDocumentName(mapId), 1, 1000);
    expect(rows.at(-1)).toMatchObject({ origin: "server", author: "Zendesk (api)" });
  });

  it("a contributor link submits through the form route (via form)", async () => {
    const res = await post(inboxPath(), contributor, {
      text: "Prospect asked for SSO",
      contributor: "Sam",
      team: "Sales",
      kind: "callNote",
    });
    expect(res.status).toBe(201);
    expect(SubmitResult.parse(await res.json()).item).toMatchObject({
      via: "form",
      kind: "callNote",
      touchpointId: null,
      sentiment: null,
    });
  });

  it("an idempotency key makes a retried post return the first item and add nothing", async () => {
    const headers = { "idempotency-key": "zendesk-4711" };
    const first = await post(inboxPath(), apiToken, good(), headers);
    expect(first.status).toBe(201);
    const size = await inboxSize();
    const retry = await post(inboxPath(), apiToken, good(), headers);
    expect(retry.status).toBe(200);
    const a = SubmitResult.parse(await first.json());
    const b = SubmitResult.parse(await retry.json());
    expect(b).toEqual({ item: a.item, created: false });
    expect(await inboxSize()).toBe(size);
  });

  it("H16: two contributors sharing one link and one idempotency key each get their own item", async () => {
    const key = { "idempotency-key": "form-1" };
    const alice = { ...key, "journeymap-submitter": "alice-browser-secret-0001" };
    const mallory = { ...key, "journeymap-submitter": "mallory-browser-secret-01" };
    const first = await post(inboxPath(), contributor, { ...good(), contributor: "Alice" }, alice);
    expect(first.status).toBe(201);
    const second = await post(inboxPath(), contributor, { ...good(), text: "Mine" }, mallory);
    expect(second.status).toBe(201);
    const a = SubmitResult.parse(await first.json());
    const b = SubmitResult.parse(await second.json());
    expect(b.item.id).not.toBe(a.item.id);
    expect(b.item.text).toBe("Mine");
    // Alice's own retry still finds her item.
    const retry = await post(inboxPath(), contributor, { ...good(), contributor: "Alice" }, alice);
    expect(retry.status).toBe(200);
    expect(SubmitResult.parse(await retry.json()).item.id).toBe(a.item.id);
  });

  it("H16: viewers of the talk document cannot read idempotency keys", async () => {
    const secretKey = "h16-ticket-secret-8841";
    const res = await post(inboxPath(), apiToken, good(), { "idempotency-key": secretKey });
    expect(res.status).toBe(201);
    const reader = await connect(server, talkDocumentName(mapId), viewer);
    clients.push(reader);
    await until(reader.doc, () => readTalk(reader.doc).inbox.length > 0);
    const state = Buffer.from(Y.encodeStateAsUpdate(reader.doc)).toString("latin1");
    expect(state).not.toContain(secretKey);
    expect(state).not.toContain("form-1");
    const keys = [...reader.doc.getMap("keys").keys()];
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).not.toContain("h16-ticket");
  });

  it("refuses bad input with a 4xx naming the problem, and changes nothing", async () => {
    const size = await inboxSize();
    const rows = await server.store.countUpdates(talkDocumentName(mapId));
    const cases: Array<[unknown, number, RegExp, Record<string, string>?]> = [
      ["{not json", 400, /not valid JSON/],
      [{ ...good(), text: "   " }, 400, /text: must not be empty/],
      [{ ...good(), kind: "rumour" }, 400, /kind/],
      [{ ...good(), sentiment: 9 }, 400, /sentiment: must be a whole number from -3 to 3/],
      [{ ...good(), sentiment: 1.5 }, 400, /sentiment: must be a whole number from -3 to 3/],
      [{ ...good(), sentiment: "bad" }, 400, /sentiment: must be a number/],
      [{ ...good(), url: "javascript:alert(1)" }, 400, /url: must be an http\(s\) URL/],
      [{ ...good(), touchpointId: "nope12345" }, 400, /no touchpoint nope12345/],
      [{ ...good(), contributor: undefined }, 400, /contributor/],
      [{ ...good(), extra: 1 }, 400, /extra/],
      [good(), 400, /Idempotency-Key/, { "idempotency-key": "x".repeat(201) }],
      [good(), 415, /JSON/, { "content-type": "text/plain" }],
      [{ ...good(), text: "x".repeat(70_000) }, 413, /larger than/],
    ];
    for (const [body, status, message, headers] of cases) {
      const res = await post(inboxPath(), apiToken, body, headers);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    expect(await inboxSize()).toBe(size);
    expect(await server.store.countUpdates(talkDocumentName(mapId))).toBe(rows);
  });

  it("refuses missing, foreign and under-privileged tokens", async () => {
    const size = await inboxSize();
    expect((await post(inboxPath(), "", good())).status).toBe(401);
    expect((await post(inboxPath(), "jm1.e30.bad", good())).status).toBe(401);
    expect((await post(inboxPath(), ownerToken(otherMap), good())).status).toBe(401);
    const asViewer = await post(inboxPath(), viewer, good());
    expect(asViewer.status).toBe(403);
    expect(((await asViewer.json()) as { error: string }).error).toMatch(/viewer link may not/);
    expect((await post(inboxPath(), readToken, good())).status).toBe(403);
    // A contributor cannot read the inbox (other people's contributions).
    const list = await fetch(`${server.url}${inboxPath()}`, {
      headers: { authorization: `Bearer ${contributor}` },
    });
    expect(list.status).toBe(403);
    expect((await fetch(`${server.url}/api/maps/bad!/outline`)).status).toBe(400);
    expect(await inboxSize()).toBe(size);
  });

  it("lists the inbox for readers with the documented shape", async () => {
    const res = await fetch(`${server.url}${inboxPath()}`, {
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(res.status).toBe(200);
    const items = InboxItemList.parse(await res.json());
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[0]?.submittedAt).toBeGreaterThanOrEqual(items.at(-1)?.submittedAt ?? 0);
  });
});

describe("contribution API: CSV import", () => {
  const csv = () =>
    [
      "text,kind,source,touchpoint,sentiment,contributor,team,key,ignored",
      `"Checkout asks for my address twice, ""again""",ticket,ZD-1,${touchpointName},-2,Help desk,Support,row-1,x`,
      `Loves the new dashboard,Call note,CALL-9,${touchpointId},3,Sam,Sales,row-2,`,
    ].join("\n");
  const importCsv = (text: string, query = "", token = apiToken) =>
    fetch(`${server.url}${inboxPath()}/import${query}`, {
      method: "POST",
      headers: { "content-type": "text/csv", authorization: `Bearer ${token}` },
      body: text,
    });

  it("previews without writing, then imports, and a re-sent file adds nothing", async () => {
    const size = await inboxSize();
    const preview = await importCsv(csv(), "?dryRun=true");
    expect(preview.status).toBe(200);
    const p = InboxImportResult.parse(await preview.json());
    expect(p).toMatchObject({ dryRun: true, imported: 0, ignoredColumns: ["ignored"] });
    expect(p.rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
    ]);
    expect(await inboxSize()).toBe(size);

    const done = InboxImportResult.parse(await (await importCsv(csv())).json());
    expect(done.imported).toBe(2);
    expect(done.rows[0]?.item).toMatchObject({
      via: "csv",
      touchpointId,
      text: 'Checkout asks for my address twice, "again"',
    });
    expect(done.rows[1]?.item).toMatchObject({ kind: "callNote", sentiment: 3 });
    expect(await inboxSize()).toBe(size + 2);

    const again = InboxImportResult.parse(await (await importCsv(csv())).json());
    expect(again.imported).toBe(0);
    expect(again.rows.every((r) => r.created === false)).toBe(true);
    expect(await inboxSize()).toBe(size + 2);
  });

  it("reports per-row errors and imports nothing when any row is bad", async () => {
    const size = await inboxSize();
    const bad = [
      "text,kind,touchpoint,sentiment,contributor",
      "Fine row,quote,,1,Ana",
      ",quote,,1,Ana",
      "Bad score,quote,,12,Ana",
      "Unknown step,quote,Teleport,0,Ana",
      "No name,quote,,0,",
    ].join("\n");
    const res = await importCsv(bad);
    expect(res.status).toBe(422);
    const body = InboxImportResult.parse(await res.json());
    expect(body.imported).toBe(0);
    expect(body.rows.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(body.rows[1]?.errors.join()).toMatch(/text/);
    expect(body.rows[2]?.errors.join()).toMatch(/sentiment/);
    expect(body.rows[3]?.errors.join()).toMatch(/no step named or with id "Teleport"/);
    expect(body.rows[4]?.errors.join()).toMatch(/contributor/);
    expect(await inboxSize()).toBe(size);
  });

  it("with ?skipInvalid=true imports the valid rows and says which were skipped and why", async () => {
    const size = await inboxSize();
    const mixed = `text,touchpoint,sentiment,contributor,key
Good one,,1,Ana,mixed-1
Bad score,,12,Ana,mixed-2
Good two,,0,Ana,mixed-3
Same key again,,0,Ana,mixed-1
`;
    const preview = InboxImportResult.parse(
      await (await importCsv(mixed, "?dryRun=true&skipInvalid=true")).json(),
    );
    expect(preview.rows.map((r) => [r.row, r.ok, r.skipped ?? null])).toEqual([
      [2, true, null],
      [3, false, "it has errors"],
      [4, true, null],
      [5, true, "the same key as row 2"],
    ]);
    expect(await inboxSize()).toBe(size);

    const res = await importCsv(mixed, "?skipInvalid=true");
    expect(res.status).toBe(200);
    const done = InboxImportResult.parse(await res.json());
    expect(done.imported).toBe(2);
    expect(done.rows.map((r) => r.skipped ?? null)).toEqual([
      null,
      "it has errors",
      null,
      "the same key as row 2",
    ]);
    expect(await inboxSize()).toBe(size + 2);

    // Re-sent: every row is skipped, each with its reason, nothing is added.
    const again = InboxImportResult.parse(
      await (await importCsv(mixed, "?dryRun=true&skipInvalid=true")).json(),
    );
    expect(again.rows.map((r) => r.skipped)).toEqual([
      'already imported (key "mixed-1")',
      "it has errors",
      'already imported (key "mixed-3")',
      "the same key as row 2",
    ]);
    const resent = InboxImportResult.parse(
      await (await importCsv(mixed, "?skipInvalid=true")).json(),
    );
    expect(resent.imported).toBe(0);
    expect(resent.rows[0]?.skipped).toBe('already imported (key "mixed-1")');
    expect(await inboxSize()).toBe(size + 2);
  });

  it("refuses unusable files with a 4xx", async () => {
    expect((await importCsv('text\n"open')).status).toBe(400);
    expect((await importCsv("kind,source\nquote,x")).status).toBe(400);
    expect((await importCsv(csv(), "?dryRun=maybe")).status).toBe(400);
    expect((await importCsv(csv(), "", contributor)).status).toBe(403);
    const tooMany = ["text,contributor", ...Array.from({ length: 1001 }, (_, i) => `t${i},A`)].join(
      "\n",
    );
    expect(((await (await importCsv(tooMany)).json()) as { error: string }).error).toMatch(
      /At most 1000 rows/,
    );
    const json = await fetch(`${server.url}${inboxPath()}/import`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiToken}` },
      body: "{}",
    });
    expect(json.status).toBe(415);
  });
});

describe("contribution API: rate limit", () => {
  it("answers 429 with Retry-After once a link's burst is spent", async () => {
    const limited = await startServer({ contribLimits: { perMinute: 6, burst: 3 } });
    try {
      const id = await createMap(limited, {});
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/api/maps/${id}/outline`, {
          headers: { authorization: `Bearer ${ownerToken(id)}` },
        });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.dispose();
    }
  });
});
