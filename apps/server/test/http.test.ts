import { mapDocumentName, ROLE, SYNC_PATH } from "@journeymap/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeWebDist, removeDir, startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let web: string;

beforeAll(async () => {
  web = fakeWebDist();
  server = await startServer({ webDist: web });
});

afterAll(async () => {
  await server.dispose();
  removeDir(web);
});

const lookup = async (maps: Array<{ mapId: string; token: string }>) => {
  const res = await fetch(`${server.url}/api/maps/lookup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ maps }),
  });
  return (await res.json()) as Array<{ id: string; title: string; role: string }>;
};

const post = (
  body: string,
  headers: Record<string, string> = { "content-type": "application/json" },
) => fetch(`${server.url}/api/maps`, { method: "POST", headers, body });

describe("HTTP API", () => {
  it("answers the health check", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("creates maps from templates and lists the ones the caller holds tokens for", async () => {
    const a = await post(JSON.stringify({ title: "First" }));
    expect(a.status).toBe(201);
    const first = (await a.json()) as { id: string; token: string };
    const b = await post(JSON.stringify({ title: "Second", template: "saas-trial" }));
    const created = (await b.json()) as { id: string; title: string; token: string; role: string };
    expect(created).toMatchObject({ title: "Second", role: ROLE.owner });
    const list = await lookup([
      { mapId: first.id, token: first.token },
      { mapId: created.id, token: created.token },
      { mapId: created.id, token: first.token }, // a token for another map lists nothing
    ]);
    expect(list.map((m) => m.title)).toEqual(["Second", "First"]);
    expect(await server.store.countUpdates(mapDocumentName(created.id))).toBe(1);
  });

  it("uses the template's title when none is given, and accepts an empty body", async () => {
    const res = await post("");
    expect(res.status).toBe(201);
    expect(((await res.json()) as { title: string }).title).toBe("Customer journey");
  });

  it("lists the templates", async () => {
    const templates = (await (await fetch(`${server.url}/api/templates`)).json()) as {
      id: string;
    }[];
    expect(templates.map((t) => t.id)).toContain("support-ticket");
  });

  it("rejects bad input with a 4xx and a message, creating nothing", async () => {
    const before = (await server.store.listMaps()).length;
    const cases: Array<[string, number, RegExp]> = [
      ["{not json", 400, /not valid JSON/],
      [JSON.stringify({ title: 42 }), 400, /title/],
      [JSON.stringify({ template: "nope" }), 400, /Unknown template/],
      [JSON.stringify({ title: "x", admin: true }), 400, /admin|Unrecognized/i],
      [JSON.stringify({ title: "x".repeat(300) }), 400, /title/],
      [JSON.stringify({ title: "y".repeat(20_000) }), 413, /larger than/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status, body.slice(0, 40)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    const after = (await server.store.listMaps()).length;
    expect(after).toBe(before);
  });

  it("serves the web app, with client-side routes falling back to index.html", async () => {
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(await asset.text()).toContain("app");
    const route = await fetch(`${server.url}/maps/abcdefgh1234`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain("<title>Journeymap</title>");
    const api = await fetch(`${server.url}/api/nope`);
    expect(api.status).toBe(404);
    const sync = await fetch(`${server.url}${SYNC_PATH}`);
    expect(sync.status).toBe(426);
  });
});
