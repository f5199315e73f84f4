/**
 * H14: a crafted link must not take the owner's access away. The owner opens their own map
 * through a link with a bogus token and then through a viewer link (declining to switch): the
 * board stays editable and the map stays in their list.
 */
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./support/browser.ts";
import { createMap, shareToken } from "./support/server.ts";
import { browserSession } from "./support/session.ts";

describe.runIf(chromiumAvailable())("H14: tokens from links", () => {
  const session = browserSession();

  it("H14: the owner keeps owner access after opening a bogus link and a viewer link", {
    timeout: 120_000,
  }, async () => {
    const server = session.server();
    const map = await createMap(server, "Owned");
    const viewer = await shareToken(server, map, "viewer");
    const { board } = await session.openBoard(map.id, map.token);
    const page = board.page;
    const held = () =>
      page.evaluate(
        (id) =>
          (
            JSON.parse(localStorage.getItem("journeymap.tokens") ?? "{}") as Record<
              string,
              { token: string }
            >
          )[id]?.token,
        map.id,
      );
    expect(await held()).toBe(map.token);

    // A fresh load each time (a change of the fragment alone would not reload the page).
    const openLink = async (token: string) => {
      await page.goto("about:blank");
      await page.goto(`${server.url}/maps/${map.id}#token=${encodeURIComponent(token)}`);
    };
    await openLink("jm1.bogus.token");
    await page.getByTestId("board.phase").first().waitFor();
    expect(await held()).toBe(map.token);

    // The viewer link would lower our access: we are asked, and keep what we have.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await openLink(viewer);
    await page.getByTestId("board.phase").first().waitFor();
    expect(asked).toMatch(/viewer access/);
    expect(await held()).toBe(map.token);
    expect(page.url()).not.toContain("token=");

    // Still the owner: the share menu (owner only) opens, and the map is listed.
    await page.goto(`${server.url}/`);
    await page.getByText("Owned").first().waitFor();
  });
});
