import path from "node:path";
import { SqliteMapStore } from "../src/store/SqliteMapStore.ts";
import { removeDir, tempDir } from "./helpers.ts";
import { storeContract } from "./storeContract.ts";

storeContract("SQLite", async () => {
  const dir = tempDir();
  return {
    store: new SqliteMapStore(path.join(dir, "store.sqlite")),
    dispose: async () => removeDir(dir),
  };
});
