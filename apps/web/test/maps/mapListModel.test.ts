import type { Me, WorkspaceMap } from "@journeymap/protocol/http";
import { describe, expect, it } from "vitest";
import {
  creatableWorkspaces,
  daysLeftInTrash,
  lastEditNote,
  shownWorkspace,
  trashNote,
} from "../../src/maps/mapListModel.ts";
import { onlyOnDevice } from "../../src/maps/onlyOnDevice.ts";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 2, 12, 12);

const me: Me = {
  user: { id: "u1", name: "Ana", email: "ana@example.com", color: "#0072b2", admin: false },
  workspaces: [
    { id: "w-guest", name: "Client", role: "guest" },
    { id: "w-team", name: "Team", role: "member" },
    { id: "w-own", name: "Mine", role: "admin" },
  ],
};

const map = (patch: Partial<WorkspaceMap>): WorkspaceMap => ({
  id: "m1",
  title: "Checkout",
  workspaceId: "w-team",
  createdAt: NOW - 3 * DAY,
  updatedAt: NOW - 5 * 60_000,
  updatedBy: { id: "u2", name: "Ben" },
  role: "editor",
  deletedAt: null,
  ...patch,
});

describe("the map list's rules", () => {
  it("shows the workspace chosen before while the person is in it, else one they can add maps to", () => {
    expect(shownWorkspace(me, "w-own")?.id).toBe("w-own");
    expect(shownWorkspace(me, "w-gone")?.id).toBe("w-team");
    expect(shownWorkspace(me, null)?.id).toBe("w-team");
    expect(shownWorkspace({ ...me, workspaces: [me.workspaces[0]!] }, null)?.id).toBe("w-guest");
    expect(shownWorkspace({ ...me, workspaces: [] }, "w-own")).toBeNull();
    expect(creatableWorkspaces(me).map((w) => w.id)).toEqual(["w-team", "w-own"]);
  });

  it("counts down the trash's 30 days", () => {
    expect(daysLeftInTrash(NOW, NOW)).toBe(29);
    expect(trashNote(NOW, NOW)).toBe("Deleted for good in 29 days");
    expect(trashNote(NOW - 28 * DAY, NOW)).toBe("Deleted for good tomorrow");
    expect(trashNote(NOW - 29.5 * DAY, NOW)).toBe("Deleted for good today");
    expect(trashNote(NOW - 40 * DAY, NOW)).toBe("Deleted for good today");
  });

  it("says who edited last and when, or when the map was made", () => {
    expect(lastEditNote(map({}), NOW)).toBe("Edited 5 minutes ago by Ben");
    expect(lastEditNote(map({ updatedBy: null }), NOW)).toBe("Created 3 days ago");
  });

  it("keeps the device's maps that the server's list does not have", () => {
    const held = [
      { id: "a", title: "A", createdAt: 1, updatedAt: 1, role: "owner" as const },
      { id: "b", title: "B", createdAt: 1, updatedAt: 1, role: "viewer" as const },
    ];
    expect(onlyOnDevice(held, new Set(["a"])).map((m) => m.id)).toEqual(["b"]);
  });
});
