/**
 * Branches over HTTP and sync (issue 17): branch a map at a moment, edit both apart, list
 * (who, how far each side went), compare (read access to both), archive, and merge one phase
 * back as the client does: one forward edit on the live original that keeps the original's
 * own edits, made while someone else edits the original.
 */
import { mapDocumentName, ROLE } from "@journeymap/protocol";
import type { BranchList, CreatedBranch } from "@journeymap/protocol/http";
import {
  applyMerge,
  LOCAL_ORIGIN,
  MapEditor,
  pickChanges,
  planMerge,
  readJourneyMap,
} from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Client, connect, until } from "./support/clients.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let mapId: string;
let ana: Client;
let viewerToken: string;

beforeAll(async () => {
  server = await startServer();
  mapId = await createMap(server, { title: "As-is onboarding" });
  viewerToken = (await shareLink(server, mapId, ROLE.viewer)).token;
  ana = await connect(server, mapDocumentName(mapId), undefined, "Ana");
}, 60_000);

afterAll(async () => {
  ana.destroy();
  await server.dispose();
});

const api = (
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
) =>
  fetch(`${server.url}/api/maps/${path}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${init.token ?? ownerToken(mapId)}`,
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

async function stateOf(id: string, token: string, seq?: number): Promise<Y.Doc> {
  const res = await api(`${id}/state${seq === undefined ? "" : `?seq=${seq}`}`, { token });
  expect(res.status).toBe(200);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
  return doc;
}

async function lastSeq(id: string, token: string): Promise<number> {
  const res = await api(`${id}/timeline`, { token });
  return ((await res.json()) as { seq: number }).seq;
}

describe("branches (issue 17)", () => {
  it("INV-B7: branch at a moment, edit both apart, compare, list, merge one phase back while someone edits the original", async () => {
    const editor = new MapEditor(ana.doc);
    const [first, second] = readJourneyMap(ana.doc).phases;
    editor.updatePhase(first!.id, { name: "Discover" });
    await ana.confirmed();
    const moment = await lastSeq(mapId, ownerToken(mapId));
    // After the moment: not in the branch.
    editor.updatePhase(second!.id, { name: "Sign up (as-is)" });
    await ana.confirmed();

    // Viewers may not branch; editors may, at a moment of the history.
    expect(
      (await api(`${mapId}/branches`, { method: "POST", token: viewerToken, body: { name: "X" } }))
        .status,
    ).toBe(403);
    expect(
      (await api(`${mapId}/branches`, { method: "POST", body: { name: "X", seq: 10_000 } })).status,
    ).toBe(416);
    const res = await api(`${mapId}/branches`, {
      method: "POST",
      body: { name: "To-be: self-serve", seq: moment },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedBranch;
    expect(created.branch).toMatchObject({
      sourceMapId: mapId,
      sourceSeq: moment,
      name: "To-be: self-serve",
    });

    // The branch is a map of its own: the state at the moment, titled with its name.
    const bea = await connect(server, mapDocumentName(created.id), created.token, "Bea");
    try {
      const branchMap = readJourneyMap(bea.doc);
      expect(branchMap.meta.title).toBe("To-be: self-serve");
      expect(branchMap.phases.map((p) => p.name).slice(0, 2)).toEqual(["Discover", second!.name]);
      const branchEditor = new MapEditor(bea.doc);
      branchEditor.updatePhase(first!.id, { name: "Discover (self-serve)" });
      const added = branchEditor.addTouchpoint({ phaseId: first!.id, name: "Try it free" });
      branchEditor.updatePhase(second!.id, { name: "Sign up (to-be)" });
      await bea.confirmed();
      // Editing one never touches the other.
      expect(readJourneyMap(ana.doc).phases[0]!.name).toBe("Discover");
      expect(readJourneyMap(ana.doc).touchpoints.some((t) => t.id === added)).toBe(false);

      // Listed on the original with who made it and how far each side went; the branch knows its source.
      const list = (await (
        await api(`${mapId}/branches`, { token: viewerToken })
      ).json()) as BranchList;
      expect(list.branches).toHaveLength(1);
      expect(list.branches[0]).toMatchObject({
        id: created.id,
        branchEdits: expect.any(Number),
        originalEdits: expect.any(Number),
      });
      expect(list.branches[0]!.branchEdits).toBeGreaterThan(0);
      expect(list.branches[0]!.originalEdits).toBeGreaterThan(0);
      const own = (await (
        await api(`${created.id}/branches`, { token: created.token })
      ).json()) as BranchList;
      expect(own.branchOf).toMatchObject({ id: created.id, sourceMapId: mapId });
      // The moment is named in the original's history (and so kept from retention).
      const versions = (await (await api(`${mapId}/versions`)).json()) as Array<{
        name: string;
        seq: number;
      }>;
      expect(versions).toContainEqual(
        expect.objectContaining({ name: "Branched: To-be: self-serve", seq: moment }),
      );

      // Comparing needs read access to both maps.
      expect(
        (await api(`${mapId}/branches/${created.id}/compare`, { token: viewerToken })).status,
      ).toBe(401);
      const compared = await api(`${mapId}/branches/${created.id}/compare`, {
        token: viewerToken,
        headers: { "journeymap-branch-token": created.token },
      });
      expect(compared.status).toBe(200);
      const comparison = (await compared.json()) as {
        summary: string;
        steps: { left: number; right: number };
      };
      expect(comparison.steps.right).toBe(comparison.steps.left + 1);
      expect(comparison.summary).toContain("To-be: self-serve adds 1 step");

      // Merge the first phase back, as the browser does: base and branch from /state, the
      // original live. Meanwhile Cem edits the original from another connection.
      const base = await stateOf(mapId, ownerToken(mapId), moment);
      const theirs = await stateOf(created.id, created.token);
      const plan = planMerge(base, ana.doc, theirs);
      const cem = await connect(server, mapDocumentName(mapId), undefined, "Cem");
      try {
        new MapEditor(cem.doc).updateMeta({ description: "Cem's scenario" });
        const picked = pickChanges(plan, [{ kind: "phase", id: first!.id }]);
        const result = applyMerge(ana.doc, base, theirs, { picked }, { origin: LOCAL_ORIGIN });
        expect(result).toMatchObject({ written: 2, unresolved: [] });
        await Promise.all([ana.confirmed(), cem.confirmed()]);
        await until(cem.doc, () => readJourneyMap(cem.doc).touchpoints.some((t) => t.id === added));
        await until(ana.doc, () => readJourneyMap(ana.doc).meta.description === "Cem's scenario");
      } finally {
        cem.destroy();
      }
      // A fresh read of the stored original: the phase came over, the rest stayed the original's.
      const after = readJourneyMap(await stateOf(mapId, ownerToken(mapId)));
      expect(after.phases.map((p) => p.name).slice(0, 2)).toEqual([
        "Discover (self-serve)",
        "Sign up (as-is)",
      ]);
      expect(after.meta.description).toBe("Cem's scenario");
      expect(after.meta.title).toBe("As-is onboarding");
      // Merging again changes nothing.
      expect(
        applyMerge(
          ana.doc,
          base,
          theirs,
          {
            picked: pickChanges(planMerge(base, ana.doc, theirs), [
              { kind: "phase", id: first!.id },
            ]),
          },
          { origin: LOCAL_ORIGIN },
        ).written,
      ).toBe(0);
    } finally {
      bea.destroy();
    }

    // Archiving: editors only; the branch stays listed, marked archived.
    const archive = (token: string) =>
      api(`${mapId}/branches/${created.id}/archive`, {
        method: "POST",
        token,
        body: { archived: true },
      });
    expect((await archive(viewerToken)).status).toBe(403);
    const archived = await archive(ownerToken(mapId));
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as { archivedAt: number | null }).archivedAt).toEqual(
      expect.any(Number),
    );
    expect(
      (await api(`${mapId}/branches/nope/archive`, { method: "POST", body: { archived: true } }))
        .status,
    ).toBe(404);
  }, 60_000);
});
