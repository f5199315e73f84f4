import { describe } from "vitest";
import { PostgresMapStore } from "../src/index.ts";
import { createTestDatabase, postgresAvailable } from "../src/testing/index.ts";
import { storeContract } from "./storeContract.ts";

const available = await postgresAvailable();

describe.runIf(available)("PostgreSQL", () => {
  storeContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
