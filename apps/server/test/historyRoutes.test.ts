/**
 * The history routes beyond state-at-a-moment: the timeline in bursts, ranges of logged rows
 * for replay in the browser, attribution by the server-known author of each row, and named
 * versions (editors name, rename and delete; viewers list; bad input changes nothing).
 */
import {
  cellRootName,
  builtInLaneId,
  decodeRowFrames,
  MapEditor,
  readJourneyMap,
  restoreEntity,
  LOCAL_ORIGIN,
} from "@journeymap/schema";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapDocumentName, ROLE } from "@journeymap/protocol";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";

let server: TestServer;
let mapId: string;
let ana: Client;
let ben: Client;
let viewerToken: string;
let editorToken: string;
let phaseId: string;

beforeAll(async () => {
  server = await startServer();
  mapId = await createMap(server, { title: "Onboarding" });
  editorToken = (await shareLink(server, mapId, ROLE.editor)).token;
  viewerToken = (await shareLink(server, mapId, ROLE.viewer)).token;
  ana = await connect(server, mapDocumentName(mapId), undefined, "Ana");
  ben = await connect(server, mapDocumentName(mapId), editorToken, "Ben");
  phaseId = new MapEditor(ana.doc).addPhase({ name: "Ana's phase" });
  await ana.confirmed();
  await until(ben.doc, () => readJourneyMap(ben.doc).phases.some((p) => p.id === phaseId));
  new MapEditor(ben.doc).updatePhase(phaseId as never, { name: "Ben renamed it" });
  await ben.confirmed();
}, 30_000);

afterAll(async () => {
  ana.destroy();
  ben.destroy();
  await server.dispose();
});

const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${server.url}/api/maps/${mapId}${path}`, {
    ...init,
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${init.token ?? ownerToken(mapId)}`,
    },
  });

describe("timeline and rows", () => {
  it("groups the log into bursts with each author's name", async () => {
    const res = await call("/timeline", { token: viewerToken });
    expect(res.status).toBe(200);
    const { seq, bursts } = (await res.json()) as {
      seq: number;
      bursts: Array<{ author: string; fromSeq: number; toSeq: number; count: number }>;
    };
    expect(bursts[0]).toMatchObject({ author: "server", fromSeq: 1 });
    expect(bursts.map((b) => b.author).slice(1)).toEqual(["Ana", "Ben"]);
    expect(bursts.at(-1)?.toSeq).toBe(seq);
    expect(bursts.reduce((n, b) => n + b.count, 0)).toBe(seq);
  });

  it("returns logged rows that replay to the live state", async () => {
    const res = await call("/updates?from=1&to=100", { token: viewerToken });
    expect(res.status).toBe(200);
    const rows = decodeRowFrames(new Uint8Array(await res.arrayBuffer()));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_r, i) => i + 1));
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, r.bytes);
    expect(readJourneyMap(doc)).toEqual(readJourneyMap(ana.doc));
  });

  it("refuses bad ranges", async () => {
    expect((await call("/updates?from=0")).status).toBe(400);
    expect((await call("/updates?from=5&to=2")).status).toBe(400);
    expect((await call("/updates?from=x")).status).toBe(400);
    expect((await call("/state?at=")).status).toBe(400);
    expect((await call("/timeline", { token: "nope" })).status).toBe(401);
  });
});

describe("attribution", () => {
  it("names who created a phase and who last changed it, from the server's view", async () => {
    const res = await call("/attribution", { token: viewerToken });
    expect(res.status).toBe(200);
    const { targets } = (await res.json()) as {
      targets: Record<
        string,
        { created: { author: string }; changed: { author: string; ts: number } }
      >;
    };
    expect(targets[`phase:${phaseId}`]?.created.author).toBe("Ana");
    expect(targets[`phase:${phaseId}`]?.changed.author).toBe("Ben");
    // Later rows are picked up by the cached index.
    const step = readJourneyMap(ana.doc).touchpoints[0]!.id;
    new MapEditor(ana.doc).setCellText(builtInLaneId("actions"), step, "Ana wrote");
    await ana.confirmed();
    const again = (await (await call("/attribution")).json()) as {
      targets: Record<string, { changed: { author: string } }>;
    };
    expect(
      again.targets[`cell:${cellRootName(builtInLaneId("actions"), step)}`]?.changed.author,
    ).toBe("Ana");
  });
});

describe("named versions", () => {
  it("lets editors name a moment, lists it for viewers, renames and deletes it", async () => {
    const created = await call("/versions", {
      method: "POST",
      token: editorToken,
      body: JSON.stringify({ name: "After the workshop, 20 Nov", by: "Ben" }),
    });
    expect(created.status).toBe(201);
    const version = (await created.json()) as { id: string; seq: number; createdBy: string };
    expect(version.createdBy).toBe("Ben");
    const list = (await (await call("/versions", { token: viewerToken })).json()) as Array<{
      id: string;
      name: string;
      seq: number;
    }>;
    expect(list).toEqual([
      expect.objectContaining({ id: version.id, name: "After the workshop, 20 Nov" }),
    ]);
    expect(version.seq).toBeGreaterThan(1);

    const renamed = await call(`/versions/${version.id}`, {
      method: "PATCH",
      body: JSON.stringify({ name: "Workshop" }),
    });
    expect(renamed.status).toBe(200);
    expect(((await (await call("/versions")).json()) as Array<{ name: string }>)[0]?.name).toBe(
      "Workshop",
    );
    expect((await call(`/versions/${version.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/versions/${version.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await (await call("/versions")).json()).toEqual([]);
  });

  it("refuses viewers, empty names, unknown fields and moments after the last edit, writing nothing", async () => {
    const post = (body: unknown, token?: string) =>
      call("/versions", {
        method: "POST",
        body: JSON.stringify(body),
        ...(token ? { token } : {}),
      });
    const viewer = await post({ name: "Mine" }, viewerToken);
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toMatch(/editors/);
    const empty = await post({ name: "  " });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(/name/);
    expect((await post({ name: "x", extra: 1 })).status).toBe(400);
    const future = await post({ name: "x", seq: 1_000_000 });
    expect(future.status).toBe(400);
    expect(((await future.json()) as { error: string }).error).toMatch(/after the map's last edit/);
    expect((await call("/versions", { method: "POST", body: "{not json" })).status).toBe(400);
    expect(
      (await call("/versions/nope", { method: "PATCH", body: JSON.stringify({ name: "y" }) }))
        .status,
    ).toBe(404);
    expect(await (await call("/versions")).json()).toEqual([]);
  });
});

describe("restore through the live document", () => {
  it("brings a deleted phase back as a forward edit that the log records with its author", async () => {
    const before = (await (await call("/timeline")).json()) as { seq: number };
    const old = new Y.Doc();
    Y.applyUpdate(
      old,
      new Uint8Array(await (await call(`/state?seq=${before.seq}`)).arrayBuffer()),
    );
    new MapEditor(ana.doc).deletePhase(phaseId as never);
    await ana.confirmed();
    await until(ben.doc, () => !readJourneyMap(ben.doc).phases.some((p) => p.id === phaseId));
    expect(
      restoreEntity(ben.doc, old, { kind: "phase", id: phaseId }, { origin: LOCAL_ORIGIN }),
    ).toBe(true);
    await ben.confirmed();
    await until(ana.doc, () => readJourneyMap(ana.doc).phases.some((p) => p.id === phaseId));
    const { bursts } = (await (await call("/timeline")).json()) as {
      bursts: Array<{ author: string }>;
    };
    expect(bursts.at(-1)?.author).toBe("Ben");
  });
});
