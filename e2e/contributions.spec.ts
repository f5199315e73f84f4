/**
 * Contributions in real Chromium: a salesperson sends a quote through the contributor form
 * (no account, no map access) and it appears live in an editor's inbox; the editor accepts it
 * as a new pain point, which then shows its evidence on the board. A commenter comments (the
 * owner sees it live, with an unread marker) but the server refuses their edit of the map,
 * even when sent from their browser around the read-only UI.
 */
import { mapDocumentName, ROLE } from "@journeymap/protocol";
import * as Y from "yjs";
import { expect, it } from "vitest";
import { readJourneyMap, MapEditor, LOCAL_ORIGIN } from "@journeymap/schema";
import { SCREENSHOTS } from "./support/browser.ts";
import { serverDoc } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

/** Hocuspocus frames, hand-encoded: varString(document) · varUint(type) · payload (lib0). */
function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
const varBytes = (b: Uint8Array) => [...varUint(b.length), ...b];
const varString = (s: string) => varBytes(new TextEncoder().encode(s));
const authFrame = (doc: string, token: string) => [...varString(doc), 2, 0, ...varString(token)];
const updateFrame = (doc: string, update: Uint8Array) => [
  ...varString(doc),
  0,
  2,
  ...varBytes(update),
];

describeInBrowser("contributions", (session) => {
  // One block: its tests share the session's server and browser (describeInBrowser), whose
  // start-up costs seconds on CI.
  it("a form contribution appears live in the inbox, is accepted onto the map; a commenter comments but cannot edit", async () => {
    // One scenario, one block: each step acts on the state the previous ones left (the
    // contribution, then its acceptance, then the commenter), so its parts cannot run alone.
    const map = await session.createMap("Checkout journey");
    const viewport = { width: 1440, height: 900 };
    const { board: owner } = await session.openBoardAs(map, ROLE.owner, { name: "Olga", viewport });
    const steps = await owner.touchpointNames();
    const step = steps[2] ?? "";

    // Sam from support opens the contributor link: a form, not the map.
    const contributor = await session.shareToken(map, ROLE.contributor);
    const samContext = await session.newContext({ viewport: { width: 900, height: 1100 } });
    const sam = await samContext.newPage();
    await sam.goto(
      `${session.server.url}/contribute/${map.id}#token=${encodeURIComponent(contributor)}`,
    );
    await sam.getByTestId("contribute.title").filter({ hasText: "Checkout journey" }).waitFor();
    expect(sam.url()).not.toContain("token="); // taken out of the address bar
    await sam.getByText("Ticket", { exact: true }).click();
    await sam
      .getByTestId("contribute.text")
      .fill("I was charged twice when the payment page timed out");
    await sam.getByTestId("contribute.step").selectOption({ label: step });
    await sam.getByTitle("Negative", { exact: true }).click();
    await sam.getByPlaceholder("Ticket #, call, deal…").fill("ZD-4711");
    await sam.getByTestId("contribute.name").fill("Sam Rivera");
    await sam.getByTestId("contribute.team").fill("Support");
    await sam.screenshot({ path: `${SCREENSHOTS}/contributions-form.png`, fullPage: true });
    await sam.getByTestId("contribute.send").click();
    await sam.getByTestId("contribute.sent").waitFor();
    // The contributor link opens no map.
    await sam.goto(`${session.server.url}/maps/${map.id}#token=${encodeURIComponent(contributor)}`);
    await sam.getByTestId("board.refused").waitFor();

    // Live in Olga's inbox.
    await owner.page.getByTestId("board.inbox-count").filter({ hasText: "1" }).waitFor();
    await owner.page.getByTestId("board.inbox").click();
    const item = owner.page.getByTestId("inbox.item").filter({ hasText: "charged twice" });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toContain("Sam Rivera · Support · ZD-4711");
    expect(await item.getByTestId("inbox.step").inputValue()).not.toBe(""); // Sam's step, preselected
    await item.getByTestId("inbox.action").selectOption("newPainPoint");
    await owner.page.screenshot({ path: `${SCREENSHOTS}/contributions-inbox.png` });
    await item.getByTestId("inbox.accept").click();

    // Accepted: a new pain point on that step, backed by one piece of evidence.
    const card = owner.page.getByTestId("board.card").filter({ hasText: "I was charged twice" });
    await card.waitFor();
    await owner.page.getByTestId("board.evidence-count").first().waitFor();
    // The contributors' sentiment shows beside the persona's assumed score on the curve.
    await owner.page
      .getByTestId("board.evidence-sentiment")
      .filter({ hasText: "Evidence −2" })
      .waitFor();
    await expect.poll(() => owner.page.getByTestId("inbox.item").count()).toBe(0);
    const saved = readJourneyMap(await serverDoc(session.server, map));
    const evidence = saved.evidence[0];
    expect(evidence).toMatchObject({
      contributor: "Sam Rivera",
      team: "Support",
      source: "ZD-4711",
      kind: "ticket",
      sentiment: -2,
    });
    expect(evidence?.target?.kind).toBe("card");

    // A commenter: comments on a step; Olga sees it live with an unread marker.
    const commenterToken = await session.shareToken(map, ROLE.commenter);
    const { board: cleo } = await session.openBoard(map.id, commenterToken, {
      name: "Cleo",
      viewport,
    });
    await cleo.page.getByTestId("board.view-only").waitFor();
    await cleo.page.getByTestId("board.touchpoint-name").nth(2).click();
    await cleo.page.getByTestId("board.comments").click();
    // @ offers the people on the map; Enter picks one.
    const composer = cleo.page.getByTestId("comments.new");
    await composer.pressSequentially("@ol");
    const option = cleo.page.getByTestId("comments.mention-option");
    await option.filter({ hasText: "Olga" }).waitFor();
    expect(await option.count()).toBe(1);
    await cleo.page
      .locator(".talk-panel")
      .screenshot({ path: `${SCREENSHOTS}/contributions-mention.png` });
    await composer.press("Enter");
    expect(await composer.inputValue()).toBe("@Olga ");
    await composer.pressSequentially("do we refund automatically here?");
    await composer.press("Control+Enter");
    await cleo.page.getByTestId("comments.thread").waitFor();
    expect(await cleo.page.getByTestId("comments.text").locator("mark.mention").textContent()).toBe(
      "@Olga",
    );
    await owner.page.getByTestId("board.comments-unread").filter({ hasText: "1" }).waitFor();
    await owner.page.getByTestId("board.comment-pin").first().waitFor();
    await owner.page.getByTestId("board.comments").click();
    await owner.page
      .getByTestId("comments.thread")
      .filter({ hasText: "refund automatically" })
      .waitFor();
    await owner.page.getByTestId("comments.reply").fill("@Cleo yes, within 24 h");
    await owner.page.getByTestId("comments.reply").press("Control+Enter");
    await cleo.page.getByTestId("comments.text").filter({ hasText: "within 24 h" }).waitFor();
    await owner.page.getByTestId("board.evidence-layer").click();
    await owner.page.getByTestId("board.assumed").first().waitFor();
    await owner.page.screenshot({ path: `${SCREENSHOTS}/contributions-comments.png` });

    // Cleo's browser tries to rename a step anyway, around the read-only UI: refused.
    const before = await serverDoc(session.server, map);
    const target = readJourneyMap(before).touchpoints[0];
    if (!target) throw new Error("no step");
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(before));
    const vector = Y.encodeStateVector(mine);
    new MapEditor(mine, { origin: LOCAL_ORIGIN }).updateTouchpoint(target.id, {
      name: "Renamed by a commenter",
    });
    const update = Y.encodeStateAsUpdate(mine, vector);
    const answers = await cleo.page.evaluate(
      async ({ url, auth, edit }) => {
        const ws = new WebSocket(url);
        ws.binaryType = "arraybuffer";
        const received: number[][] = [];
        ws.onmessage = (e) => received.push([...new Uint8Array(e.data as ArrayBuffer)]);
        await new Promise((r) => ws.addEventListener("open", r));
        ws.send(new Uint8Array(auth));
        await new Promise((r) => setTimeout(r, 300));
        ws.send(new Uint8Array(edit));
        await new Promise((r) => setTimeout(r, 700));
        ws.close();
        return received;
      },
      {
        url: `${session.server.wsUrl}?name=Cleo`,
        auth: authFrame(mapDocumentName(map.id), commenterToken),
        edit: updateFrame(mapDocumentName(map.id), update),
      },
    );
    const doc = mapDocumentName(map.id);
    const header = varString(doc);
    const syncStatus = answers.filter(
      (a) => header.every((b, i) => a[i] === b) && a[header.length] === 8,
    );
    expect(syncStatus.length).toBeGreaterThan(0); // the server answered the update…
    expect(syncStatus.every((a) => a[header.length + 1] === 0)).toBe(true); // …with "not saved"
    const after = readJourneyMap(await serverDoc(session.server, map));
    expect(after.touchpoints[0]?.name).toBe(target.name);
    expect(await owner.touchpointNames()).not.toContain("Renamed by a commenter");

    // The form in dark mode, for the docs.
    await sam.emulateMedia({ colorScheme: "dark" });
    await sam.goto(`${session.server.url}/contribute/${map.id}`);
    await sam.getByTestId("contribute.title").waitFor();
    await sam.screenshot({ path: `${SCREENSHOTS}/contributions-form-dark.png`, fullPage: true });
  });

  it("imports the valid rows of a CSV, says which were skipped and why, also when re-sent", async () => {
    const map = await session.createMap("Partial import");
    const { board } = await session.openBoardAs(map, ROLE.owner, {
      name: "Olga",
      viewport: { width: 1440, height: 900 },
    });
    const page = board.page;
    const choose = (text: string) =>
      page
        .getByTestId("inbox.csv")
        .setInputFiles({ name: "tickets.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    const file = `text,source,sentiment,contributor,key
Cannot find the invoice,ZD-7001,-2,Sam Rivera,zd-7001
,ZD-7002,9,Sam Rivera,zd-7002
Export works well,ZD-7003,2,Sam Rivera,zd-7003
`;
    await page.getByTestId("board.inbox").click();
    await page.getByRole("button", { name: "Import CSV" }).click();
    await choose(file);
    const summary = page.getByTestId("inbox.csv-summary");
    await summary.filter({ hasText: "3 rows · 2 ready · 1 with errors" }).waitFor();
    const button = page.getByTestId("inbox.csv-import");
    expect(await button.innerText()).toBe("Import 2 rows, skip 1");
    await button.click();
    await expect
      .poll(() => page.getByTestId("inbox.csv-outcome").innerText())
      .toBe("Imported 2 rows. Skipped 1 — row 3: it has errors.");
    await page.getByTestId("inbox.csv-done").click();
    await expect.poll(() => page.getByTestId("inbox.item").count()).toBe(2);

    // The same file again: nothing is ready, and each row says why it would be skipped.
    await page.getByRole("button", { name: "Import CSV" }).click();
    await choose(file);
    await summary
      .filter({
        hasText: "3 rows · 0 ready · 1 with errors (skipped on import) · 2 already imported",
      })
      .waitFor();
    expect(await page.getByTestId("inbox.csv-row-skipped").allInnerTexts()).toEqual([
      'Skipped: already imported (key "zd-7001")',
      'Skipped: already imported (key "zd-7003")',
    ]);
    expect(await button.innerText()).toBe("Nothing to import");
    expect(await button.isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/contributions-csv-reimport.png` });
  });

  it("imports a CSV with a row-by-row preview and errors, triages by dismissing and attaching, and the insights count the evidence", async () => {
    const map = await session.createMap("Support journey");
    const { board: owner } = await session.openBoardAs(map, ROLE.owner, {
      name: "Olga",
      viewport: { width: 1440, height: 900 },
    });
    const page = owner.page;
    const step = (await owner.touchpointNames())[2] ?? "";
    const choose = (name: string, text: string) =>
      page
        .getByTestId("inbox.csv")
        .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

    await page.getByTestId("board.inbox").click();
    await page.getByRole("button", { name: "Import CSV" }).click();
    // One good row, one with an empty text, a step that does not exist and a score off the scale.
    await choose(
      "tickets.csv",
      `text,kind,source,touchpoint,sentiment,contributor,team,key
"Which plan has SSO? The table does not say",ticket,ZD-5001,${step},-2,Sam Rivera,Support,zd-5001
,ticket,ZD-5002,Nowhere,7,Sam Rivera,Support,zd-5002
`,
    );
    const summary = page.getByTestId("inbox.csv-summary");
    await summary
      .filter({ hasText: "2 rows · 1 ready · 1 with errors (skipped on import)" })
      .waitFor();
    const badRow = page.getByTestId("inbox.csv-row").nth(1);
    expect(await badRow.textContent()).toContain("Nowhere");
    const errors = await badRow.getByTestId("inbox.csv-row-error").allTextContents();
    expect(errors.join(" ")).toMatch(/text: .*empty/);
    expect(errors.join(" ")).toMatch(/sentiment/);
    expect(errors.join(" ")).toMatch(/no step named or with id "Nowhere"/);
    // The valid row could go in alone; the button says so rather than counting every row.
    expect(await page.getByTestId("inbox.csv-import").innerText()).toBe("Import 1 row, skip 1");
    await page.screenshot({ path: `${SCREENSHOTS}/contributions-csv-preview.png` });

    // Fixed and re-chosen: both rows ready, imported, in the inbox.
    await choose(
      "tickets.csv",
      `text,kind,source,touchpoint,sentiment,contributor,team,key
"Which plan has SSO? The table does not say",ticket,ZD-5001,${step},-2,Sam Rivera,Support,zd-5001
"Asked twice for an invoice address",call note,CALL-88,${step},-1,Ana Lopez,Sales,call-88
`,
    );
    await summary.filter({ hasText: "2 rows · 2 ready" }).waitFor();
    await page.getByTestId("inbox.csv-import").click();
    await expect.poll(() => page.getByTestId("inbox.item").count()).toBe(2);

    // Dismiss one with a reason; it moves to Dismissed with the reason and who did it.
    const invoice = page.getByTestId("inbox.item").filter({ hasText: "invoice address" });
    await invoice.getByTestId("inbox.dismiss").click();
    await invoice.getByTestId("inbox.reason").fill("Belongs to the billing journey");
    await invoice.getByTestId("inbox.confirm-dismiss").click();
    await expect.poll(() => page.getByTestId("inbox.item").count()).toBe(1);
    await page.getByRole("button", { name: /^Dismissed \(1\)/ }).click();
    expect(await page.getByTestId("inbox.decision").textContent()).toContain(
      "Dismissed by Olga: Belongs to the billing journey",
    );
    await page.getByRole("button", { name: /^New \(1\)/ }).click();

    // Attach the other to the pain point already on that step.
    const sso = page.getByTestId("inbox.item").filter({ hasText: "SSO" });
    expect(await sso.getByTestId("inbox.step").inputValue()).not.toBe("");
    await sso.getByTestId("inbox.action").selectOption("painPoint");
    const painPoint = sso.getByTestId("inbox.pain-point");
    const options = await painPoint.locator("option").allTextContents();
    const title = options[1] ?? "";
    await painPoint.selectOption({ label: title });
    await sso.getByTestId("inbox.accept").click();
    await expect.poll(() => page.getByTestId("inbox.item").count()).toBe(0);
    await owner.settled(); // the accepted evidence is on the server, not only on this board
    const saved = readJourneyMap(await serverDoc(session.server, map));
    expect(saved.evidence).toHaveLength(1);
    expect(saved.evidence[0]).toMatchObject({
      kind: "ticket",
      source: "ZD-5001",
      contributor: "Sam Rivera",
      sentiment: -2,
    });
    expect(saved.evidence[0]?.target?.kind).toBe("card");

    // The insights count it: one item, on that step and that pain point; the rest assumed.
    await page.getByRole("button", { name: "Close panel" }).click();
    await page.getByTestId("views.tab-insights").click();
    await page.getByTestId("views.evidence").waitFor();
    expect(await page.getByTestId("views.total-evidence").textContent()).toMatch(/^1\D/);
    expect(await page.getByTestId("views.total-assumed").textContent()).toMatch(
      new RegExp(`^${saved.touchpoints.length - 1}\\D`),
    );
    const row = page.getByTestId("views.evidence-step");
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(step);
    expect(await row.textContent()).toContain("1 ticket");
    expect(await page.getByTestId("views.evidence-pain").first().textContent()).toContain(title);
    await page.getByTestId("views.evidence").scrollIntoViewIfNeeded();
    await page.getByTestId("views.evidence").screenshot({
      path: `${SCREENSHOTS}/contributions-insights.png`,
    });
  });
});
