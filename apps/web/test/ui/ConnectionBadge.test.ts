import { describe, expect, it } from "vitest";
import { connectionDetail } from "../../src/ui/ConnectionBadge.tsx";

describe("connectionDetail", () => {
  it("B4: counts edits, not updates, and says they are kept on this device", () => {
    expect(connectionDetail({ status: "offline", unsynced: 15, edits: 2, kept: true })).toBe(
      "2 edits kept on this device, not yet on the server",
    );
    expect(connectionDetail({ status: "offline", unsynced: 3, edits: 1, kept: true })).toBe(
      "1 edit kept on this device, not yet on the server",
    );
  });

  it("B4: without an offline copy it does not claim the device keeps them", () => {
    expect(connectionDetail({ status: "reconnecting", unsynced: 4, edits: 2, kept: false })).toBe(
      "2 edits not yet on the server",
    );
  });

  it("never says saved while the server lacks an update, even one no edit was counted for", () => {
    expect(connectionDetail({ status: "online", unsynced: 1, edits: 0, kept: true })).toBe(
      "1 edit kept on this device, not yet on the server",
    );
    expect(connectionDetail({ status: "online", unsynced: 0, edits: 0, kept: true })).toBe(
      "All changes saved",
    );
    expect(connectionDetail({ status: "offline", unsynced: 0, edits: 0, kept: true })).toBe("");
  });

  it("B3: once access ended, never says saved, whatever the server confirmed", () => {
    for (const unsynced of [0, 3]) {
      const detail = connectionDetail({ status: "ended", unsynced, edits: 1, kept: true });
      expect(detail).toBe("edits no longer reach the server");
      expect(detail).not.toMatch(/saved/i);
    }
  });
});
