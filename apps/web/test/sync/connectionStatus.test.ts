import { describe, expect, it } from "vitest";
import { connectionStatus } from "../../src/sync/useMapConnection.ts";

describe("connectionStatus", () => {
  it("is online whenever the socket is connected", () => {
    expect(connectionStatus("connected", true, false)).toBe("online");
    expect(connectionStatus("connected", false, true)).toBe("online");
  });
  it("says offline when the browser has no network", () => {
    expect(connectionStatus("disconnected", false, true)).toBe("offline");
    expect(connectionStatus("connecting", false, false)).toBe("offline");
  });
  it("tells a first connection from a lost one", () => {
    expect(connectionStatus("connecting", true, false)).toBe("connecting");
    expect(connectionStatus("connecting", true, true)).toBe("reconnecting");
    expect(connectionStatus("disconnected", true, true)).toBe("reconnecting");
  });
});
