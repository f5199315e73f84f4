import { describe, expect, it } from "vitest";
import { deviceLabel } from "../../src/account/deviceLabel.ts";

describe("a session's device in words", () => {
  it("names the browser and the system", () => {
    expect(
      deviceLabel(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
      ),
    ).toBe("Safari on macOS");
    expect(
      deviceLabel(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0",
      ),
    ).toBe("Edge on Windows");
    expect(
      deviceLabel("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"),
    ).toBe("Firefox on Linux");
    expect(
      deviceLabel(
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
      ),
    ).toBe("Chrome on Android");
  });

  it("says something for an unknown or missing user agent", () => {
    expect(deviceLabel("curl/8.5.0")).toBe("Another device");
    expect(deviceLabel(null)).toBe("Another device");
  });
});
