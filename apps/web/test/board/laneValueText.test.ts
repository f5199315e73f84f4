import type { Lane, LaneId, LaneType } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { laneValueText, shortLink } from "../../src/board/laneValueText.ts";

const lane = (type: LaneType, unit = ""): Lane => ({
  id: "lane-x" as LaneId,
  key: "a",
  kind: "text",
  name: "X",
  hidden: false,
  type,
  unit,
  preset: "",
  values: new Map(),
});

describe("typed lane values as words", () => {
  it("reads each type the way people say it", () => {
    expect(laneValueText(lane("rating"), 4)).toBe("4 of 5");
    expect(laneValueText(lane("number", "min"), 12)).toBe("12 min");
    expect(laneValueText(lane("number"), 3)).toBe("3");
    expect(laneValueText(lane("link"), "https://www.example.com/study?q=1")).toBe(
      "example.com/study?q=1",
    );
    expect(laneValueText(lane("channels"), ["email", "WhatsApp"])).toBe("Email, WhatsApp");
    expect(laneValueText(lane("rating"), undefined)).toBe("");
  });

  it("shortens a link to what people recognise, and leaves a non-link alone", () => {
    expect(shortLink("https://example.com/")).toBe("example.com");
    expect(shortLink("not a link")).toBe("not a link");
  });
});
