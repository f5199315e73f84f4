/**
 * Accounts share the store's database: its tables are created at start, left alone on the
 * next start, and created once when instances start together; on SQLite, the store's appends
 * never wait for an accounts operation (accountsDatabase.ts says why that needs care).
 */
import { mapDocumentName } from "@journeymap/protocol";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { testMap } from "@journeymap/storage/testing";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { TABLE } from "../src/index.ts";
import { eachBackend, openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";

const PASSWORD = "correct horse 1";

let t: TestAccounts | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

eachBackend("the accounts tables", (backend) => {
  it("are created at start and kept, with their rows, by the next start", async () => {
    t = await openTestAccounts(backend, { config: { secret: null } });
    const browser = new TestBrowser(t.accounts);
    await browser.signUp("ana@example.com", PASSWORD);
    const again = await t.reopen();
    expect((await again.sessionOf(browser.headers()))?.user.email).toBe("ana@example.com");
  });

  it("are created once when several instances start together", async () => {
    t = await openTestAccounts(backend);
    const more = await Promise.all([t.reopen(), t.reopen(), t.reopen()]);
    const browser = new TestBrowser(more[2]!);
    expect((await browser.signUp("ana@example.com", PASSWORD)).status).toBe(200);
  });
});

describe("sharing the SQLite file with the store", () => {
  it("has every table under the auth_ prefix", async () => {
    t = await openTestAccounts("sqlite", { config: { secret: null } });
    const db = new Database(storeFileIn(t.location.dataDir), { readonly: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    db.close();
    expect(tables).toEqual(Object.values(TABLE).sort());
  });

  it("never makes the store's appends wait while people sign up and in", async () => {
    t = await openTestAccounts("sqlite");
    const store = new SqliteMapStore(storeFileIn(t.location.dataDir));
    try {
      const empty = new Uint8Array([0, 0]);
      await store.createMap(testMap("map-0001", "Map", Date.now(), empty));
      const slowest = { ms: 0 };
      let appending = true;
      const appends = (async () => {
        let seq = 0;
        while (appending) {
          const start = performance.now();
          await store.appendUpdate({
            doc: mapDocumentName("map-0001"),
            ts: Date.now(),
            author: "test",
            clientIds: [1],
            origin: "connection",
            bytes: empty,
          });
          slowest.ms = Math.max(slowest.ms, performance.now() - start);
          seq++;
          await new Promise((resolve) => setImmediate(resolve));
        }
        return seq;
      })();
      for (let i = 0; i < 8; i++) {
        const browser = new TestBrowser(t.accounts);
        expect((await browser.signUp(`p${i}@example.com`, PASSWORD)).status).toBe(200);
        expect((await browser.signIn(`p${i}@example.com`, PASSWORD)).status).toBe(200);
      }
      appending = false;
      expect(await appends).toBeGreaterThan(10);
      // A busy wait on the accounts' lock would last busy_timeout (5 s).
      expect(slowest.ms).toBeLessThan(1000);
    } finally {
      await store.close();
    }
  });
});
