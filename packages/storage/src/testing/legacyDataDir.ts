/**
 * The data folder made by `main` at 7dfef97 (test/fixtures/main-7dfef97/README.md), copied to
 * a temporary folder so a test may migrate it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LinkRecord } from "../linkStore.ts";
import type { VersionRecord } from "../versionStore.ts";

const FIXTURE = fileURLToPath(new URL("../../test/fixtures/main-7dfef97/", import.meta.url));

interface LegacyMap {
  readonly id: string;
  readonly title: string;
  /** Signed with the store's secret (no SIGNING_SECRET was set). */
  readonly ownerToken: string;
}

/** What the script that made the folder saw. */
export interface LegacyExpectations {
  /** Edited: phases "Live phase", "Second phase", then "After the version". */
  readonly map: LegacyMap;
  /** Imported from the first map's export with comments: its talk document had a `maps` row. */
  readonly imported: LegacyMap;
  /** Named between "Second phase" and "After the version". */
  readonly version: VersionRecord;
  readonly editorLink: LinkRecord;
  /** A thread of two messages on the first map, copied to the imported one. */
  readonly threadId: string;
}

export interface LegacyDataDir {
  readonly dataDir: string;
  readonly expected: LegacyExpectations;
  dispose(): void;
}

export function copyLegacyDataDir(): LegacyDataDir {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-legacy-"));
  cpSync(path.join(FIXTURE, "journeymap.sqlite"), path.join(dataDir, "journeymap.sqlite"));
  const expected = JSON.parse(
    readFileSync(path.join(FIXTURE, "expected.json"), "utf8"),
  ) as LegacyExpectations;
  return { dataDir, expected, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
}
