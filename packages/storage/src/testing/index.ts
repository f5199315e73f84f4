/** Helpers for tests of code that uses a store (`@journeymap/storage/testing`). */
export {
  copyLegacyDataDir,
  type LegacyDataDir,
  type LegacyExpectations,
} from "./legacyDataDir.ts";
export { testMap } from "./testMap.ts";
export { createTestDatabase, postgresAvailable, type TestDatabase } from "./testDatabase.ts";
