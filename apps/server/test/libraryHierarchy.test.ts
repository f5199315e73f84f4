/**
 * A hierarchy of journeys and the workspace dashboard (issue 19), against a real server and
 * store: a step's sub-journey summary (lowest emotion, open pain points, evidence, freshness),
 * a sub-map the caller may not open answered without its title or figures, end-to-end maps made
 * from chosen maps, and a dashboard that counts only the maps the person may open.
 */
import { mapDocumentName, WORKSPACE_ROLE } from "@journeymap/protocol";
import type { CreatedMap, LibraryDashboard, SubJourneyList } from "@journeymap/protocol/http";
import { type CardId, MapEditor, type TouchpointId } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import {
  connectAs,
  createMapIn,
  createWorkspace,
  join,
  PEOPLE_ENV,
  type Person,
  signUp,
} from "./support/people.ts";
import { serverForTest, type TestServer } from "./support/server.ts";
import { summaryOf } from "./support/summaries.ts";

/** Starting a server and signing people up (argon2id) takes a while on a loaded machine. */
const TIMEOUT_MS = 120_000;

/** Edits a map as `person` through a live board (their session), waiting until it is saved. */
async function editAs(
  server: TestServer,
  person: Person,
  mapId: string,
  edit: (editor: MapEditor, steps: TouchpointId[]) => void,
): Promise<void> {
  // The steps in board order, from the summary of the map as created.
  const { steps } = await summaryOf(server, mapId);
  const board = await connectAs(server, person, mapDocumentName(mapId));
  edit(
    new MapEditor(board.doc),
    steps.map((s) => s.id as TouchpointId),
  );
  await board.confirmed();
  board.destroy();
}

/**
 * Ana administers Acme (maps Onboarding, Verify email, Billing) and Beta (map Elsewhere); Cy is
 * a guest in Acme with Onboarding shared with her, and nothing else.
 */
async function workspace() {
  const server = await serverForTest({ env: PEOPLE_ENV });
  const ana = await signUp(server, "Ana");
  const acme = await createWorkspace(ana, "Acme");
  const beta = await createWorkspace(ana, "Beta");
  const cy = await signUp(server, "Cy");
  await join(ana, acme, cy, WORKSPACE_ROLE.guest);
  const onboarding = await createMapIn(ana, "Onboarding", acme);
  const verify = await createMapIn(ana, "Verify email", acme);
  const billing = await createMapIn(ana, "Billing", acme);
  const elsewhere = await createMapIn(ana, "Elsewhere", beta);
  const shared = await ana.call("POST", `/api/maps/${onboarding.id}/shares`, {
    userId: cy.id,
    role: "viewer",
  });
  expect(shared.status).toBe(201);
  return { server, ana, cy, acme, beta, onboarding, verify, billing, elsewhere };
}

describe("a hierarchy of journeys", () => {
  it(
    "answers a step's sub-journey with its lowest emotion, open pain points, evidence and freshness; never to someone who cannot open it",
    async () => {
      const { server, ana, cy, onboarding, verify } = await workspace();
      let linkedStep = "";
      await editAs(server, ana, verify.id, (editor, steps) => {
        const step = steps[0]!;
        const severe = editor.addCard({
          touchpointId: step,
          kind: "painPoint",
          title: "The email never arrives",
          rating: 5,
        });
        editor.addCard({ touchpointId: step, kind: "painPoint", title: "Link expired", rating: 3 });
        const done = editor.addCard({
          touchpointId: step,
          kind: "painPoint",
          title: "Fixed already",
          rating: 4,
        });
        editor.updateCard(done as CardId, { status: "done" });
        editor.addEvidence({ target: { kind: "card", id: severe }, text: "Ticket #1234" });
      });
      await editAs(server, ana, onboarding.id, (editor, steps) => {
        linkedStep = steps[1]!;
        editor.updateTouchpoint(steps[1]!, { subMapId: verify.id });
      });
      const sub = await summaryOf(server, verify.id, (s) => s.evidenceCount > 0);
      await summaryOf(server, onboarding.id, (s) => s.steps.some((t) => t.subMapId === verify.id));

      const path = `/api/maps/${onboarding.id}/library/sub-journeys`;
      const mine = await ana.call<SubJourneyList>("GET", path);
      expect(mine.status).toBe(200);
      expect(mine.body.title).toBe("Onboarding");
      expect(mine.body.subJourneys).toHaveLength(1);
      const [entry] = mine.body.subJourneys;
      expect(entry).toMatchObject({ stepId: linkedStep, subMapId: verify.id, available: true });
      const lows = sub.personas.flatMap((p) => (p.lowest === null ? [] : [p.lowest]));
      expect(lows.length).toBeGreaterThan(0);
      const open = sub.cards.filter((c) => c.kind === "painPoint" && c.status !== "done");
      expect(entry!.summary).toMatchObject({
        title: "Verify email",
        steps: sub.steps.length,
        lowest: Math.min(...lows),
        openPainPoints: open.length,
        evidenceCount: 1,
      });
      expect(entry!.summary!.personas.map((p) => p.name)).toEqual(sub.personas.map((p) => p.name));
      // The most severe open pain point first; the done one is not counted.
      expect(entry!.summary!.topPainPoints[0]).toMatchObject({
        title: "The email never arrives",
        rating: 5,
      });
      expect(JSON.stringify(entry!.summary!.topPainPoints)).not.toContain("Fixed already");
      expect(entry!.summary!.freshness?.items).toBeGreaterThan(0);
      expect(entry!.summary!.freshness?.stale).toBe(0);

      // Cy may open Onboarding but not Verify email: the step says so, and nothing more.
      const hers = await cy.call<SubJourneyList>("GET", path);
      expect(hers.status).toBe(200);
      expect(hers.body.subJourneys).toEqual([
        { stepId: linkedStep, subMapId: verify.id, available: false, summary: null },
      ]);
      expect(JSON.stringify(hers.body)).not.toContain("Verify email");

      // Onboarding's owner link opens Onboarding only: the sub-map is not available with it…
      const byLink = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${onboarding.token}` },
      });
      expect(byLink.status).toBe(200);
      const linked = (await byLink.json()) as SubJourneyList;
      expect(linked.subJourneys[0]).toMatchObject({ available: false, summary: null });
      // …unless the person signed in beside the link may open it.
      const withSession = await ana.call<SubJourneyList>("GET", path, undefined, {
        authorization: `Bearer ${onboarding.token}`,
      });
      expect(withSession.body.subJourneys[0]).toMatchObject({ available: true });
      const cyWithLink = await cy.call<SubJourneyList>("GET", path, undefined, {
        authorization: `Bearer ${onboarding.token}`,
      });
      expect(cyWithLink.body.subJourneys[0]).toMatchObject({ available: false, summary: null });

      // A sub-map in the trash is no longer available, even to its owner.
      expect((await ana.call("POST", `/api/maps/${verify.id}/trash`)).status).toBe(200);
      const trashed = await ana.call<SubJourneyList>("GET", path);
      expect(trashed.body.subJourneys[0]).toMatchObject({ available: false, summary: null });

      // Reading the sub-journeys needs a role on the map itself.
      const anonymous = await fetch(`${server.url}${path}`);
      expect(anonymous.status).toBe(401);
    },
    TIMEOUT_MS,
  );

  it(
    "makes an end-to-end map whose steps are the chosen maps, only from maps the person can open",
    async () => {
      const { server, ana, cy, acme, onboarding, billing, elsewhere } = await workspace();
      const path = `/api/workspaces/${acme}/library/end-to-end`;
      const made = await ana.call<CreatedMap>("POST", path, {
        title: "Customer lifecycle",
        mapIds: [onboarding.id, billing.id],
      });
      expect(made.status).toBe(201);
      expect(made.body.title).toBe("Customer lifecycle");
      const summary = await summaryOf(server, made.body.id);
      expect(summary.title).toBe("Customer lifecycle");
      expect(summary.phases.map((p) => p.name)).toEqual(["End to end"]);
      expect(summary.steps.map((s) => [s.name, s.subMapId])).toEqual([
        ["Onboarding", onboarding.id],
        ["Billing", billing.id],
      ]);
      // It is a map of the workspace like any other: in the list, with its sub-journeys.
      const listed = await ana.call<{ id: string }[]>("GET", `/api/maps?workspace=${acme}`);
      expect(listed.body.map((m) => m.id)).toContain(made.body.id);
      const subs = await ana.call<SubJourneyList>(
        "GET",
        `/api/maps/${made.body.id}/library/sub-journeys`,
      );
      await summaryOf(server, billing.id);
      expect(subs.body.subJourneys.map((s) => s.summary?.title)).toEqual(["Onboarding", "Billing"]);

      // A map of another workspace, one repeated, none, or a guest asking: refused, nothing made.
      const before = (await ana.call<unknown[]>("GET", "/api/maps")).body.length;
      const other = await ana.call<{ error: string }>("POST", path, {
        title: "Mixed",
        mapIds: [onboarding.id, elsewhere.id],
      });
      expect(other.status).toBe(400);
      expect(other.body.error).toContain(elsewhere.id);
      const again = { title: "Twice", mapIds: [billing.id, billing.id] };
      expect((await ana.call("POST", path, again)).status).toBe(400);
      expect((await ana.call("POST", path, { title: "None", mapIds: [] })).status).toBe(400);
      const bad = { title: "Bad", mapIds: ["../../etc"] };
      expect((await ana.call("POST", path, bad)).status).toBe(400);
      const guest = { title: "Cy's", mapIds: [onboarding.id] };
      expect((await cy.call("POST", path, guest)).status).toBe(403);
      expect((await ana.call<unknown[]>("GET", "/api/maps")).body.length).toBe(before);
    },
    TIMEOUT_MS,
  );
});

describe("the workspace dashboard", () => {
  it(
    "rolls up freshness, evidence, open opportunities and activity of the maps I can open only",
    async () => {
      const { server, ana, cy, acme, onboarding, verify, billing } = await workspace();
      await editAs(server, ana, onboarding.id, (editor, steps) => {
        const card = editor.addCard({
          touchpointId: steps[0]!,
          kind: "opportunity",
          title: "Send a magic link",
          rating: 4,
        });
        editor.addEvidence({ target: { kind: "card", id: card }, text: "Interview 3" });
      });
      await editAs(server, ana, verify.id, (editor, steps) => {
        editor.addCard({
          touchpointId: steps[0]!,
          kind: "opportunity",
          title: "Secret fix in Verify",
          rating: 5,
        });
        editor.addEvidence({ target: { kind: "touchpoint", id: steps[0]! }, text: "Call" });
        editor.addEvidence({ target: { kind: "touchpoint", id: steps[0]! }, text: "Survey" });
      });
      await summaryOf(server, onboarding.id, (s) => s.evidenceCount === 1);
      await summaryOf(server, verify.id, (s) => s.evidenceCount === 2);
      await summaryOf(server, billing.id);
      const path = `/api/workspaces/${acme}/library/dashboard`;

      const mine = await ana.call<LibraryDashboard>("GET", path);
      expect(mine.status).toBe(200);
      const all = mine.body;
      expect(all.totals.maps).toBe(3);
      expect(all.totals.evidence).toBe(3);
      expect(all.maps.map((m) => m.title).sort()).toEqual([
        "Billing",
        "Onboarding",
        "Verify email",
      ]);
      expect(all.maps.find((m) => m.id === verify.id)?.evidenceCount).toBe(2);
      expect(all.maps.every((m) => m.freshness !== null && m.freshness.items > 0)).toBe(true);
      // Highest impact first, and each rating counted.
      const ratings = all.opportunities.map((o) => o.rating);
      expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
      expect(all.opportunities[0]).toMatchObject({ title: "Secret fix in Verify", rating: 5 });
      const counted = Object.values(all.opportunitiesByRating).reduce((a, b) => a + b, 0);
      expect(counted).toBe(all.totals.openOpportunities);
      // The latest edit first, by name.
      expect(all.activity[0]).toMatchObject({ mapId: verify.id, by: { name: "Ana" } });

      // Cy may open Onboarding only: nothing of Verify email or Billing, not even in a count.
      const hers = await cy.call<LibraryDashboard>("GET", path);
      expect(hers.status).toBe(200);
      expect(hers.body.totals.maps).toBe(1);
      expect(hers.body.totals.evidence).toBe(1);
      expect(hers.body.maps.map((m) => m.id)).toEqual([onboarding.id]);
      expect(hers.body.activity.map((a) => a.mapId)).toEqual([onboarding.id]);
      const onboardingOpen = all.opportunities.filter((o) => o.mapId === onboarding.id).length;
      expect(hers.body.totals.openOpportunities).toBe(onboardingOpen);
      const text = JSON.stringify(hers.body);
      for (const hidden of ["Verify email", "Billing", "Secret fix in Verify", verify.id])
        expect(text).not.toContain(hidden);

      // Signed out: refused; another workspace's dashboard lists nothing of Acme.
      expect((await fetch(`${server.url}${path}`)).status).toBe(401);
      const dee = await signUp(server, "Dee");
      const outsider = await dee.call<LibraryDashboard>("GET", path);
      expect(outsider.body.totals.maps).toBe(0);
      expect(outsider.body.maps).toEqual([]);

      // Bad input and a script looping are refused with a reason.
      const malformed = await ana.call<{ error: string }>(
        "GET",
        "/api/workspaces/not%20an%20id!/library/dashboard",
      );
      expect(malformed.status).toBe(400);
      let allowed = 1;
      let refused: { status: number } | null = null;
      while (refused === null && allowed < 80) {
        const next = await dee.call("GET", path);
        if (next.status === 429) refused = next;
        else allowed++;
      }
      expect(refused?.status).toBe(429);
      expect(allowed).toBeGreaterThanOrEqual(30);
    },
    TIMEOUT_MS,
  );
});
