import type { RestoreRecord } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import {
  ANNOUNCE_FOR_MS,
  rememberRestoreSeen,
  restoreSentence,
  seenRestore,
  shouldAnnounce,
} from "../../src/history/restoreAnnouncement.ts";

const record: RestoreRecord = {
  id: "rstAAAAAAAAA",
  kind: "restore",
  versionName: "Before the workshop",
  by: "Ana",
  at: 1_000_000,
  afterSeq: 12,
};

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe("announcing a whole-map restore (issue 16, R5)", () => {
  it("says who restored what, and who undid it", () => {
    expect(restoreSentence(record)).toBe("Ana restored “Before the workshop”");
    expect(restoreSentence({ ...record, kind: "undo" })).toBe(
      "Ana undid the restore of “Before the workshop”",
    );
    expect(restoreSentence({ ...record, versionName: "" })).toBe("Ana restored an earlier version");
  });

  it("shows each restore once per browser, and not when it is old news", () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const now = record.at + 60_000;
    expect(shouldAnnounce(null, null, now)).toBe(false);
    expect(shouldAnnounce(record, seenRestore("m1", storage), now)).toBe(true);
    rememberRestoreSeen("m1", record.id, storage);
    expect(shouldAnnounce(record, seenRestore("m1", storage), now)).toBe(false);
    // Another map's record is another story.
    expect(seenRestore("m2", storage)).toBeNull();
    expect(shouldAnnounce(record, null, record.at + ANNOUNCE_FOR_MS + 1)).toBe(false);
  });
});
