import { describe, expect, it } from "vitest";
import { isMapCopy, personalKeys } from "../../src/account/forgetDevice.ts";
import { ME_STORAGE_KEY } from "../../src/account/accountStore.ts";
import { WORKSPACE_STORAGE_KEY } from "../../src/maps/useChosenWorkspace.ts";
import { THEME_STORAGE_KEY } from "../../src/ui/theme.ts";

describe("what signing out removes from the device", () => {
  it("removes the person's keys (tokens, name, account, workspace, marks) and keeps the theme", () => {
    const keys = [
      "journeymap.tokens",
      "journeymap.name",
      "journeymap.browserKey",
      "journeymap.lastSeen",
      "journeymap.seen.m1",
      "journeymap.contribute.m1",
      ME_STORAGE_KEY,
      WORKSPACE_STORAGE_KEY,
      THEME_STORAGE_KEY,
      "another-app.tokens",
    ];
    expect(personalKeys(keys)).toEqual(
      keys.filter((k) => k !== THEME_STORAGE_KEY && k !== "another-app.tokens"),
    );
  });

  it("recognises the maps' local copies among IndexedDB databases", () => {
    expect(isMapCopy("journeymap:abc")).toBe(true);
    expect(isMapCopy("journeymap.other")).toBe(false);
    expect(isMapCopy("someone-else")).toBe(false);
    expect(isMapCopy(undefined)).toBe(false);
  });
});
