import { describe, expect, it } from "vitest";
import { ACCOUNTS_ENV, AccountsConfigError, readAccountsConfig } from "../src/index.ts";

const configOf = (env: Record<string, string>) => readAccountsConfig(ACCOUNTS_ENV.parse(env));

describe("the accounts environment", () => {
  it("works with nothing set: open sign-up, stored secret, no mail, no single sign-on", () => {
    expect(configOf({})).toEqual({ secret: null, allowSignUp: true, mail: null, oidc: null });
  });

  it("reads every variable", () => {
    const config = configOf({
      AUTH_SECRET: "x".repeat(40),
      ALLOW_SIGNUP: "false",
      SMTP_URL: "smtps://user:pass@mail.example.com:465",
      MAIL_FROM: "Journeymap <maps@example.com>",
      OIDC_ISSUER: "https://id.example.com/realms/acme",
      OIDC_CLIENT_ID: "journeymap",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: " Acme ID ",
      OIDC_ALLOWED_DOMAINS: "Acme.com, acme.co.uk,",
    });
    expect(config).toEqual({
      secret: "x".repeat(40),
      allowSignUp: false,
      mail: {
        smtpUrl: "smtps://user:pass@mail.example.com:465",
        from: "Journeymap <maps@example.com>",
      },
      oidc: {
        issuer: "https://id.example.com/realms/acme",
        clientId: "journeymap",
        clientSecret: "s3cret",
        name: "Acme ID",
        allowedDomains: ["acme.com", "acme.co.uk"],
      },
    });
  });

  it("names the variable that is wrong", () => {
    const problems = (env: Record<string, string>) =>
      ACCOUNTS_ENV.safeParse(env).error?.issues.map((issue) => issue.path.join("."));
    expect(problems({ AUTH_SECRET: "short" })).toEqual(["AUTH_SECRET"]);
    expect(problems({ ALLOW_SIGNUP: "maybe" })).toEqual(["ALLOW_SIGNUP"]);
    expect(problems({ SMTP_URL: "http://mail.example.com" })).toEqual(["SMTP_URL"]);
    expect(problems({ OIDC_ISSUER: "id.example.com" })).toEqual(["OIDC_ISSUER"]);
    expect(problems({ OIDC_ALLOWED_DOMAINS: "acme.com, not a domain" })).toEqual([
      "OIDC_ALLOWED_DOMAINS",
    ]);
  });

  it("refuses variables that only make sense together when one is missing", () => {
    expect(() => configOf({ OIDC_ISSUER: "https://id.example.com" })).toThrow(AccountsConfigError);
    expect(() => configOf({ OIDC_ALLOWED_DOMAINS: "acme.com" })).toThrow(/OIDC_ISSUER/);
    expect(() => configOf({ SMTP_URL: "smtp://mail.example.com" })).toThrow(/MAIL_FROM/);
  });
});
