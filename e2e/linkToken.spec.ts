/**
 * H14: a crafted link must not take the owner's access away. The owner opens their own map
 * through a link with a bogus token and then through a viewer link (declining to switch): the
 * board stays editable and the map stays in their list.
 */
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("H14: tokens from links", (session) => {
  it("H14: the owner keeps owner access after opening a bogus link and a viewer link", {
    timeout: 120_000,
  }, async () => {
    const map = await session.createMap("Owned");
    const viewer = await session.shareToken(map, ROLE.viewer);
    const { board } = await session.openBoardAs(map, ROLE.owner);
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
      await page.goto(`${session.server.url}/maps/${map.id}#token=${encodeURIComponent(token)}`);
    };
    await openLink("jm1.bogus.token");
    await page.getByTestId("board.phase").first().waitFor();
    expect(await held()).toBe(map.token);

    // The viewer link would lower our access: we are asked, and keep what we have.
    await openLink(viewer);
    const asked = page.getByTestId("confirm.dialog");
    await asked.waitFor();
    expect(await asked.innerText()).toMatch(/viewer access/);
    await page.getByTestId("confirm.cancel").click();
    await page.getByTestId("board.phase").first().waitFor();
    expect(await held()).toBe(map.token);
    expect(page.url()).not.toContain("token=");

    // Still the owner: the share menu (owner only) opens, and the map is listed.
    await page.goto(`${session.server.url}/`);
    await page.getByText("Owned").first().waitFor();
  });
});
