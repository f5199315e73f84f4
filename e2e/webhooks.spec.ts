/**
 * Webhooks in real Chromium: the map's owner adds a webhook in the share dialog (the signing
 * secret is shown once), a contributor sends evidence through the contributor form, and a real
 * receiver started here gets a signed evidence.submitted event whose signature verifies (the
 * Standard Webhooks scheme, checked with node:crypto); the delivery log shows it delivered,
 * and "Send test event" delivers a test event.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ROLE } from "@journeymap/protocol";
import { createMapOverHttp, shareLinkOverHttp } from "@journeymap/testkit";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signUp } from "./support/accounts.ts";
import { BoardPage } from "./support/BoardPage.ts";
import { launchBrowser, SCREENSHOTS } from "./support/browser.ts";
import { type ServerHandle, startServer } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

/** A scenario drives two browsers and a server on a machine other suites load too. */
const SCENARIO_TIMEOUT_MS = 150_000;

interface Received {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A receiver on 127.0.0.1 that records requests and answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/chat-hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Whether `request` carries a valid Standard Webhooks signature made with `secret`. */
function signatureVerifies(secret: string, request: Received): boolean {
  const id = String(request.headers["webhook-id"]);
  const timestamp = String(request.headers["webhook-timestamp"]);
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${request.body}`).digest();
  return String(request.headers["webhook-signature"])
    .split(" ")
    .some((sig) => {
      const given = Buffer.from(sig.replace(/^v1,/, ""), "base64");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

describeInBrowser("webhooks", () => {
  let server: ServerHandle;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    // The receiver is on loopback: the server must be told it may send there.
    server = await startServer({ env: { WEBHOOKS_ALLOW_PRIVATE: "true" } });
    browser = await launchBrowser();
  }, SCENARIO_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await receiver?.close();
  });

  const screenshot = async (page: Page, name: string) => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-${viewport.width}.png` });
    }
  };

  it(
    "a contribution reaches the owner's webhook as a signed event; the log and the test button work",
    async () => {
      const map = await createMapOverHttp(server.url, { title: "Checkout journey" });
      const owner = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await owner.addInitScript(() => localStorage.setItem("journeymap.name", "Olga"));
      const board = new BoardPage(await owner.newPage());
      await board.open(server.url, map.id, map.token);
      const page = board.page;

      await page.getByTestId("board.share").click();
      await page.getByTestId("share.tab-webhooks").click();
      await page.getByTestId("webhooks.url").fill(receiver.url);
      await page.getByTestId("webhooks.description").fill("#cx-team channel");
      await page.getByTestId("webhooks.event-version.named").check();
      await page.getByTestId("webhooks.create").click();
      const secret = await page.getByTestId("webhooks.secret").inputValue();
      expect(secret).toMatch(/^whsec_/);
      await page.getByTestId("webhooks.item").filter({ hasText: "#cx-team channel" }).waitFor();

      // Sam sends evidence through the contributor form: no account, no map access.
      const contributor = (await shareLinkOverHttp(server.url, map, { role: ROLE.contributor }))
        .token;
      const samContext = await browser.newContext();
      const sam = await samContext.newPage();
      await sam.goto(`${server.url}/contribute/${map.id}#token=${encodeURIComponent(contributor)}`);
      await sam
        .getByTestId("contribute.text")
        .fill("Charged twice when the payment page timed out");
      await sam.getByTestId("contribute.name").fill("Sam Rivera");
      await sam.getByTestId("contribute.send").click();
      await sam.getByTestId("contribute.sent").waitFor();
      await samContext.close();

      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
      const [request] = receiver.received;
      expect(signatureVerifies(secret, request!)).toBe(true);
      expect(signatureVerifies(`whsec_${Buffer.alloc(32, 3).toString("base64")}`, request!)).toBe(
        false,
      );
      expect(JSON.parse(request!.body)).toMatchObject({
        type: "evidence.submitted",
        mapId: map.id,
        data: { text: "Charged twice when the payment page timed out", contributor: "Sam Rivera" },
      });

      // The log shows it delivered; the test button sends one more.
      const hook = page.getByTestId("webhooks.item").first();
      await hook.getByTestId("webhooks.show-log").click();
      await hook.getByTestId("webhooks.log-row").filter({ hasText: "Delivered" }).waitFor();
      await hook.getByTestId("webhooks.test").click();
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
      expect(JSON.parse(receiver.received[1]!.body).type).toBe("webhook.test");
      await expect
        .poll(
          async () => {
            await hook.getByTestId("webhooks.refresh-log").click();
            return hook.getByTestId("webhooks.log-row").filter({ hasText: "Delivered" }).count();
          },
          { timeout: 20_000 },
        )
        .toBe(2);
      await screenshot(page, "webhooks-map");
      await owner.close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "a workspace admin adds a webhook for all its maps on the admin page and sends a test event",
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // No account yet on this server: the first visit creates its admin.
      await page.goto(server.url);
      await signUp(page, {
        name: "Ana Admin",
        email: "ana@acme.test",
        password: "correct horse battery 1",
      });
      await page.getByTestId("workspace.name").fill("Acme research");
      await page.getByTestId("workspace.create").click();
      await page.getByTestId("workspace.switch").waitFor();
      await page.getByTestId("account.menu").click();
      await page.getByTestId("account.admin").click();

      const panel = page.getByTestId("webhooks.panel");
      await panel.getByTestId("webhooks.url").fill(receiver.url);
      await panel.getByTestId("webhooks.description").fill("Support desk tickets");
      await panel.getByTestId("webhooks.create").click();
      await panel.getByTestId("webhooks.secret").waitFor();
      const hook = panel.getByTestId("webhooks.item").filter({ hasText: "Support desk tickets" });
      const before = receiver.received.length;
      await hook.getByTestId("webhooks.show-log").click();
      await hook.getByText("Nothing sent yet.").waitFor();
      await hook.getByTestId("webhooks.test").click();
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(before + 1);
      expect(JSON.parse(receiver.received[before]!.body)).toMatchObject({ type: "webhook.test" });
      await expect
        .poll(
          async () => {
            await hook.getByTestId("webhooks.refresh-log").click();
            return hook.getByTestId("webhooks.log-row").filter({ hasText: "Delivered" }).count();
          },
          { timeout: 20_000 },
        )
        .toBe(1);
      // Switched off, it says so.
      await hook.getByTestId("webhooks.enabled").click();
      await panel.locator('[data-testid="webhooks.item"][data-enabled="false"]').waitFor();
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, "webhooks-workspace");
      await context.close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});
