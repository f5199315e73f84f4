/**
 * One server and one browser per spec file, and boards opened in fresh browser contexts (each
 * a separate person: own storage, own IndexedDB). Registers its own setup and teardown.
 */
import { ROLE, type Role } from "@journeymap/protocol";
import type { CreatedMap } from "@journeymap/protocol/http";
import { createMapOverHttp, shareLinkOverHttp } from "@journeymap/testkit";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { BoardPage } from "./BoardPage.ts";
import { chromiumAvailable, launchBrowser } from "./browser.ts";
import { type ServerHandle, startServer } from "./server.ts";

/**
 * The name a person opening a board by a link gave (the board asks a guest first): specs that
 * do not name their people get this one, the server's own default.
 */
export const GUEST_NAME = "Guest";

export interface OpenOptions {
  /** Display name stored before the page loads (GUEST_NAME when absent). */
  readonly name?: string;
  readonly viewport?: { width: number; height: number };
}

export interface OpenedBoard {
  readonly board: BoardPage;
  readonly context: BrowserContext;
}

export interface Session {
  /** The spec file's server (available once its setup ran, i.e. inside tests and hooks). */
  readonly server: ServerHandle;
  readonly browser: Browser;
  /** A new map on the server, from a template (the classic one by default). */
  createMap(title: string, template?: string): Promise<CreatedMap>;
  /** The token of a new share link to `map` for `role`, issued by its owner. */
  shareToken(map: CreatedMap, role: Role): Promise<string>;
  /** A fresh context (a new person) with the board of `mapId` opened through `token`. */
  openBoard(mapId: string, token: string, options?: OpenOptions): Promise<OpenedBoard>;
  /** A new person on `map` through a new share link for `role` (the owner's own token). */
  openBoardAs(map: CreatedMap, role: Role, options?: OpenOptions): Promise<OpenedBoard>;
  /** A fresh context, registered for teardown. */
  newContext(options?: OpenOptions): Promise<BrowserContext>;
}

/** A describe block with its own session; skipped (with a message) where Chromium is missing. */
export function describeInBrowser(name: string, body: (session: Session) => void): void {
  describe.runIf(chromiumAvailable())(name, () => body(browserSession()));
}

export function browserSession(): Session {
  let server: ServerHandle | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });

  const newContext = async (options: OpenOptions = {}) => {
    const context = await browser!.newContext({
      viewport: options.viewport ?? { width: 1600, height: 1000 },
    });
    contexts.push(context);
    await context.addInitScript(
      ({ name, always }) => {
        if (always || localStorage.getItem("journeymap.name") === null)
          localStorage.setItem("journeymap.name", name);
      },
      { name: options.name ?? GUEST_NAME, always: options.name !== undefined },
    );
    return context;
  };
  const shareToken = async (map: CreatedMap, role: Role) =>
    (await shareLinkOverHttp(server!.url, map, { role })).token;
  const openBoard = async (mapId: string, token: string, options?: OpenOptions) => {
    const context = await newContext(options);
    const board = new BoardPage(await context.newPage());
    await board.open(server!.url, mapId, token);
    return { board, context };
  };

  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    createMap: (title, template = "default") => createMapOverHttp(server!.url, { title, template }),
    shareToken,
    newContext,
    openBoard,
    openBoardAs: async (map, role, options) =>
      openBoard(map.id, role === ROLE.owner ? map.token : await shareToken(map, role), options),
  };
}
