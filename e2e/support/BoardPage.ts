/** Page object for the board: what a user does, in the words of the test ids. */
import type { Locator, Page } from "playwright-core";

export class BoardPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens a map through a share link (the token travels in the URL fragment). */
  async open(baseUrl: string, mapId: string, token: string): Promise<void> {
    await this.page.goto(`${baseUrl}/maps/${mapId}#token=${encodeURIComponent(token)}`);
    await this.page.getByTestId("board.phase").first().waitFor();
  }

  /** The connection badge: data-status (online, offline, reconnecting…) and data-unsynced. */
  connection(): Locator {
    return this.page.getByTestId("board.connection");
  }

  /** Waits until the connection badge says `status`. */
  async waitForStatus(status: string, options: { timeout?: number } = {}): Promise<void> {
    await this.connection()
      .and(this.page.locator(`[data-status="${status}"]`))
      .waitFor(options);
  }

  /** Waits until the server has confirmed every local edit of this board. */
  async settled(options: { timeout?: number } = {}): Promise<void> {
    await this.connection().and(this.page.locator('[data-unsynced="0"]')).waitFor(options);
  }

  phases(): Locator {
    return this.page.getByTestId("board.phase");
  }

  phase(name: string): Locator {
    return this.phases().filter({
      has: this.page.getByTestId("board.phase-name").getByText(name, { exact: true }),
    });
  }

  async phaseNames(): Promise<string[]> {
    return this.page.getByTestId("board.phase-name").allInnerTexts();
  }

  async touchpointNames(): Promise<string[]> {
    return this.page.getByTestId("board.touchpoint-name").allInnerTexts();
  }

  async renamePhase(from: string, to: string): Promise<void> {
    await this.phase(from).getByTestId("board.phase-name").click();
    const input = this.page.getByTestId("board.phase-name-input");
    await input.fill(to);
    await input.press("Enter");
  }

  async addTouchpoint(phase: string, name: string): Promise<void> {
    const band = this.phase(phase);
    await band.hover();
    await band.getByTestId("board.add-touchpoint").click();
    const input = this.page.getByTestId("board.touchpoint-name-input");
    await input.fill(name);
    await input.press("Enter");
  }

  /** Moves a phase one step with the keyboard (Alt+Arrow on its drag handle). */
  async movePhase(name: string, direction: "left" | "right"): Promise<void> {
    const handle = this.phase(name).getByRole("button", { name: /^Reorder phase/ });
    await handle.focus();
    await handle.press(direction === "left" ? "Alt+ArrowLeft" : "Alt+ArrowRight");
  }

  /** Runs a command through the palette (Ctrl+K), by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.locator("body").press("Control+k");
    const input = this.page.getByTestId("palette.input");
    await input.fill(title);
    await this.page.getByTestId("palette.item").filter({ hasText: title }).first().waitFor();
    await input.press("Enter");
    await input.waitFor({ state: "detached" });
  }

  /** Opens the context menu of a phase, step or lane and picks an item. */
  async contextMenu(on: Locator, item: string): Promise<void> {
    await on.click({ button: "right", position: { x: 40, y: 10 } });
    await this.page.getByTestId("context-menu").getByRole("menuitem", { name: item }).click();
  }

  async laneNames(): Promise<string[]> {
    return this.page.getByTestId("board.lane-name").allInnerTexts();
  }

  async raiseEmotion(touchpointName: string): Promise<void> {
    await this.page
      .getByRole("button", { name: new RegExp(`^Raise .* at ${touchpointName}$`) })
      .click();
  }

  async emotionScore(touchpointName: string): Promise<string | null> {
    const control = this.page.getByTestId("board.emotion").filter({
      has: this.page.getByRole("button", { name: new RegExp(`^Raise .* at ${touchpointName}$`) }),
    });
    return control.getAttribute("data-score");
  }
}
