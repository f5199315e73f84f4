/**
 * One server and one browser per spec file, and boards opened in fresh browser contexts (each
 * a separate person: own storage, own IndexedDB). Registers its own setup and teardown.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { BoardPage } from "./BoardPage.ts";
import { launchBrowser } from "./browser.ts";
import { type ServerHandle, startServer } from "./server.ts";

export interface OpenOptions {
  /** Display name stored before the page loads. */
  readonly name?: string;
  readonly viewport?: { width: number; height: number };
}

export interface Session {
  server(): ServerHandle;
  browser(): Browser;
  /** A fresh context (a new person) with the board of `mapId` opened through `token`. */
  openBoard(
    mapId: string,
    token: string,
    options?: OpenOptions,
  ): Promise<{ board: BoardPage; context: BrowserContext }>;
  /** A fresh context, registered for teardown. */
  newContext(options?: OpenOptions): Promise<BrowserContext>;
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
    if (options.name)
      await context.addInitScript((n) => localStorage.setItem("journeymap.name", n), options.name);
    return context;
  };

  return {
    server: () => server!,
    browser: () => browser!,
    newContext,
    openBoard: async (mapId, token, options) => {
      const context = await newContext(options);
      const board = new BoardPage(await context.newPage());
      await board.open(server!.url, mapId, token);
      return { board, context };
    },
  };
}
