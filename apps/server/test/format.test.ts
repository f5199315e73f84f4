/**
 * The file format over HTTP against a real server: the published schema, export with a
 * reader's link (live edits included), import of JSON / CSV / Mermaid creating a map the
 * returned owner token opens, previews that write nothing, and bad files that change nothing.
 */
import { readFileSync } from "node:fs";
import {
  type JourneyMap,
  MapEditor,
  readJourneyMap,
  readTalk,
  replyToThread,
  resolveThread,
  startThread,
} from "@journeymap/schema";
import { readMapFile } from "@journeymap/schema/format";
import { comparableMap } from "@journeymap/schema/testing";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapDocumentName, ROLE, talkDocumentName } from "@journeymap/protocol";
import { MAX_IMPORT_BYTES } from "@journeymap/protocol/http";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { connect, until } from "./support/clients.ts";
import { openAsGuest } from "./support/guests.ts";

let server: TestServer;
let mapId: string;
let viewerToken: string;

beforeAll(async () => {
  server = await startServer();
  mapId = await createMap(server, { title: "Checkout", template: "ecommerce-purchase" });
  viewerToken = (await shareLink(server, mapId, ROLE.viewer)).token;
  const ana = await connect(server, mapDocumentName(mapId), undefined, "Ana");
  new MapEditor(ana.doc).addPhase({ name: "Live phase" });
  await ana.confirmed();
  ana.destroy();
}, 30_000);

afterAll(() => server.dispose());

const exportMap = (id: string, token: string) =>
  fetch(`${server.url}/api/maps/${id}/export`, { headers: { authorization: `Bearer ${token}` } });

async function stateOf(id: string, token: string): Promise<JourneyMap> {
  const res = await fetch(`${server.url}/api/maps/${id}/state`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
  return readJourneyMap(doc);
}

const upload = (path: string, body: string, query = "") =>
  fetch(`${server.url}${path}${query}`, {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body,
  });

const mapCount = async () => (await server.store.listMaps()).length;

describe("the published schema", () => {
  it("is served at /api/format/schema.json, the same as the committed file", async () => {
    const res = await fetch(`${server.url}/api/format/schema.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/schema\+json/);
    const committed = readFileSync(
      new URL("../../../docs/format/journeymap.schema.json", import.meta.url),
      "utf8",
    );
    expect(await res.text()).toBe(committed);
  });
});

describe("export", () => {
  it("gives a reader a valid file with the live edits, as a download", async () => {
    const res = await exportMap(mapId, viewerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="checkout.journeymap.json"',
    );
    const preview = readMapFile(await res.text());
    expect(preview.errors).toEqual([]);
    expect(preview.snapshot!.title).toBe("Checkout");
    expect(preview.snapshot!.phases.at(-1)!.name).toBe("Live phase");
  });

  it("refuses a missing or foreign token and a contributor link", async () => {
    expect((await exportMap(mapId, "nonsense")).status).toBe(401);
    const other = await createMap(server);
    expect((await exportMap(mapId, ownerToken(other))).status).toBe(401);
    const contributor = await shareLink(server, mapId, ROLE.contributor);
    const res = await exportMap(mapId, contributor.token);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/contributor/);
  });
});

describe("import", () => {
  it("INV-F1: export → import creates a map whose read model equals the original", async () => {
    const file = await (await exportMap(mapId, viewerToken)).text();
    const res = await upload("/api/maps/import", file, "?kind=json");
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; token: string; title: string };
    expect(created.title).toBe("Checkout");
    const [original, imported] = await Promise.all([
      stateOf(mapId, viewerToken),
      stateOf(created.id, created.token),
    ]);
    expect(comparableMap(imported)).toEqual(comparableMap(original));
    // The owner token opens the new map live.
    const client = await connect(server, mapDocumentName(created.id), created.token);
    expect(readJourneyMap(client.doc).phases.at(-1)!.name).toBe("Live phase");
    client.destroy();
  });

  it("imports a Mermaid journey (kind detected from the text)", async () => {
    const res = await upload(
      "/api/maps/import",
      "journey\n title Commute\n section Morning\n  Catch bus: 2: Me, Kid\n  Coffee: 5: Me\n",
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; token: string; notes: string[] };
    const map = await stateOf(created.id, created.token);
    expect(map.meta.title).toBe("Commute");
    expect(map.personas.map((p) => p.name)).toEqual(["Me", "Kid"]);
    expect(map.touchpoints.map((t) => t.name)).toEqual(["Catch bus", "Coffee"]);
    expect(created.notes[0]).toMatch(/1–5/);
  });

  it("migrates a version-0 file on import: nested phases, plain-text cells, scores 1–5", async () => {
    const v0 = {
      format: "journeymap",
      version: 0,
      map: {
        title: "Beta export",
        personas: [{ name: "Sam", role: "Buyer" }],
        phases: [
          {
            name: "Order",
            touchpoints: [
              {
                name: "Checkout",
                channel: "website",
                thoughts: "Why so many fields?",
                emotions: [1],
                painPoints: [{ title: "Long form", rating: 4 }],
              },
            ],
          },
        ],
      },
    };
    const before = await mapCount();
    const res = await upload("/api/maps/import", JSON.stringify(v0));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; token: string; notes: string[] };
    expect(created.notes).toEqual([
      "Migrated from format version 0: emotion scores 1–5 were rescaled to −3..+3.",
    ]);
    expect(await mapCount()).toBe(before + 1);
    const map = await stateOf(created.id, created.token);
    expect(map.meta.title).toBe("Beta export");
    const [checkout] = map.touchpoints;
    expect(checkout).toMatchObject({ name: "Checkout", channel: "website" });
    expect(map.emotions.get(`${map.personas[0]!.id}/${checkout!.id}`)?.score).toBe(-3);
    expect([...map.cells.values()].map((c) => c.text)).toEqual(["Why so many fields?"]);
    expect(map.cardsByTouchpoint.get(checkout!.id)?.map((c) => c.title)).toEqual(["Long form"]);
    // Re-exported, it is a current-version file.
    const again = readMapFile(await (await exportMap(created.id, created.token)).text());
    expect(again.errors).toEqual([]);
    expect(again.notes).toEqual([]);
  });

  it("imports a CSV with the title given in the query", async () => {
    const res = await upload(
      "/api/maps/import",
      "phase,touchpoint,channel,emotion score\nTry,Sign up,website,1\n",
      "?kind=csv&title=Trial%20sheet",
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; token: string };
    const map = await stateOf(created.id, created.token);
    expect(map.meta.title).toBe("Trial sheet");
    expect(map.touchpoints[0]).toMatchObject({ name: "Sign up", channel: "website" });
  });

  it("previews a CSV with per-row errors and writes nothing", async () => {
    const before = await mapCount();
    const csv = "phase,touchpoint,channel\nA,ok,email\nB,,a;b;c;d;e;f;g;h;i\n";
    const res = await upload("/api/import/preview", csv, "?filename=steps.csv");
    expect(res.status).toBe(200);
    const preview = (await res.json()) as {
      kind: string;
      importable: boolean;
      errors: { row: number; message: string }[];
      snapshot: { touchpoints: { name: string }[] };
    };
    expect(preview.kind).toBe("csv");
    expect(preview.importable).toBe(false);
    expect(preview.errors.map((e) => e.row)).toEqual([3, 3]);
    expect(preview.snapshot.touchpoints.map((t) => t.name)).toEqual(["ok"]);
    expect(await mapCount()).toBe(before);
  });

  it("refuses a file with errors with 422 and the list, creating nothing", async () => {
    const before = await mapCount();
    const res = await upload(
      "/api/maps/import",
      "phase,touchpoint,channel\nB,x,a;b;c;d;e;f;g;h;i\n",
      "?kind=csv",
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: string;
      errors: { row: number; message: string }[];
    };
    expect(body.error).toBe("The CSV file has 1 problem(s); nothing was imported");
    expect(body.errors[0]).toMatchObject({
      row: 2,
      message: expect.stringMatching(/more than 8 channels/),
    });
    const json = await upload("/api/maps/import", '{"format":"journeymap","version":9}');
    expect(json.status).toBe(422);
    expect(((await json.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("version");
    expect(await mapCount()).toBe(before);
  });

  it("refuses an unknown kind, an empty body and an oversized file", async () => {
    const before = await mapCount();
    const kind = await upload("/api/maps/import", "x", "?kind=xlsx");
    expect(kind.status).toBe(400);
    expect(((await kind.json()) as { error: string }).error).toBe(
      "kind must be one of json, csv, mermaid",
    );
    expect((await upload("/api/maps/import", "  \n", "?kind=csv")).status).toBe(400);
    const big = await upload("/api/maps/import", "a".repeat(MAX_IMPORT_BYTES + 1), "?kind=csv");
    expect(big.status).toBe(413);
    expect(await mapCount()).toBe(before);
  });
});

describe("comments in the file", () => {
  it("are exported on request, and an import restores them on the new map's talk document", async () => {
    const id = await createMap(server, { title: "Talked about", template: "saas-trial" });
    const token = ownerToken(id);
    const map = await stateOf(id, token);
    const phase = map.phases[0]!;
    // Two people talk, each as the identity the server gave their connection.
    const talk = await openAsGuest(server, talkDocumentName(id), token, "Ana", "a".repeat(32));
    const ben = await openAsGuest(server, talkDocumentName(id), token, "Ben", "b".repeat(32));
    const ctx = { origin: { kind: "local" as const } };
    const { threadId } = startThread(
      talk.doc,
      { kind: "phase", id: phase.id },
      { author: await talk.identity, text: "Is this phase too long?", mentions: ["Ben"] },
      ctx,
    );
    await talk.confirmed();
    await until(ben.doc, () => readTalk(ben.doc).threads.length === 1);
    replyToThread(
      ben.doc,
      threadId,
      { author: await ben.identity, text: "Yes: merge the first two steps" },
      ctx,
    );
    await ben.confirmed();
    await until(talk.doc, () => readTalk(talk.doc).threads[0]?.comments.length === 2);
    resolveThread(talk.doc, threadId, await talk.identity, ctx);
    await talk.confirmed();
    const expected = readTalk(talk.doc).threads;
    talk.destroy();
    ben.destroy();

    const plain = JSON.parse(await (await exportMap(id, token)).text());
    expect(plain).not.toHaveProperty("comments");
    const res = await fetch(`${server.url}/api/maps/${id}/export?comments=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    const file = JSON.parse(text);
    expect(file.comments).toHaveLength(1);
    expect(file.comments[0]).toMatchObject({
      id: threadId,
      target: { kind: "phase", id: phase.id },
      resolved: { by: "Ana" },
    });

    const imported = await upload("/api/maps/import", text);
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as { id: string; token: string };
    const copy = await connect(server, talkDocumentName(created.id), created.token, "Cy");
    // The file names who wrote what; ids are this map's (guests') or this server's (accounts').
    const byName = JSON.parse(JSON.stringify(expected), (key, value) =>
      key === "authorId" || key === "byId" ? "" : value,
    );
    expect(readTalk(copy.doc).threads).toEqual(byName);
    copy.destroy();
    // The thread's target is the same phase on the new map (ids are kept).
    expect((await stateOf(created.id, created.token)).phases[0]!.id).toBe(phase.id);
  });
});
