import { PostgresMapStore } from "../src/store/PostgresMapStore.ts";
import { createTestDatabase, postgresAvailable } from "./postgres.ts";
import { storeContract } from "./storeContract.ts";
import { describe } from "vitest";

const available = await postgresAvailable();

describe.runIf(available)("PostgreSQL", () => {
  storeContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
