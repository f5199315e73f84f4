/** A server and Chromium for one spec file: started before its tests, closed after them. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { type ServerHandle, startServer } from "./server.ts";

export interface ServerAndBrowser {
  readonly server: ServerHandle;
  readonly browser: Browser;
}

/** Registers the file's hooks; the fields are there from the first test on. */
export function serverAndBrowser(): ServerAndBrowser {
  let server: ServerHandle | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  return {
    get server() {
      if (!server) throw new Error("the server starts in beforeAll");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("Chromium starts in beforeAll");
      return browser;
    },
  };
}
