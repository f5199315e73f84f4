import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteMapStore, storeFileIn } from "../src/index.ts";
import { storeContract } from "./storeContract.ts";
import { workspaceContract } from "./workspaceContract.ts";

async function openSqlite() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-storage-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

storeContract("SQLite", openSqlite);
workspaceContract("SQLite", openSqlite);
