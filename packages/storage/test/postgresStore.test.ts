import { describe } from "vitest";
import { PostgresMapStore } from "../src/index.ts";
import { createTestDatabase, postgresAvailable } from "../src/testing/index.ts";
import { storeContract } from "./storeContract.ts";
import { workspaceContract } from "./workspaceContract.ts";

const available = await postgresAvailable();

async function openPostgres() {
  const db = await createTestDatabase();
  return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
}

describe.runIf(available)("PostgreSQL", () => {
  storeContract("PostgreSQL", openPostgres);
  workspaceContract("PostgreSQL", openPostgres);
});
