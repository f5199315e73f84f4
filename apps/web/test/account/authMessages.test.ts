import { describe, expect, it } from "vitest";
import {
  authMessage,
  singleSignOnMessage,
  TOO_MANY,
  WRONG_CREDENTIALS,
} from "../../src/account/authMessages.ts";
import { AuthError } from "../../src/api/authClient.ts";

describe("what people are told when signing in fails", () => {
  it("says the same for a wrong email and a wrong password, whatever the server's words", () => {
    expect(
      authMessage(new AuthError(401, "INVALID_EMAIL_OR_PASSWORD", "Invalid email or password")),
    ).toBe(WRONG_CREDENTIALS);
    expect(authMessage(new AuthError(401, "SOMETHING_NEW", "User not found"))).toBe(
      WRONG_CREDENTIALS,
    );
    expect(authMessage(new AuthError(401, null, null))).toBe(WRONG_CREDENTIALS);
  });

  it("tells a throttled person to wait, with or without a code", () => {
    expect(authMessage(new AuthError(429, "TOO_MANY_ATTEMPTS", "Too many attempts."))).toBe(
      TOO_MANY,
    );
    expect(authMessage(new AuthError(429, null, null))).toBe(TOO_MANY);
  });

  it("passes on the server's reason for other refusals, and names an unreachable server", () => {
    expect(authMessage(new AuthError(400, "ODD", "Something specific"))).toBe("Something specific");
    expect(authMessage(new TypeError("Failed to fetch"))).toMatch(/cannot be reached/);
  });

  it("explains single sign-on refusals, and says nothing when there was none", () => {
    expect(singleSignOnMessage(null)).toBeNull();
    expect(singleSignOnMessage("DOMAIN_NOT_ALLOWED")).toMatch(/cannot sign in here/);
    expect(singleSignOnMessage("state_mismatch")).toMatch(/did not complete/);
  });
});
