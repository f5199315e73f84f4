import { describe, expect, it } from "vitest";

// Every source file of the app as text (Vite's glob: the web tests run without Node built-ins).
const SOURCES = import.meta.glob<string>("../../src/**/*.{ts,tsx}", {
  query: "?raw",
  import: "default",
  eager: true,
});

// The browser's confirm/alert/prompt block the page, cannot be styled or read by the app's
// tests, and a browser may silence them (then a delete happens without asking, or never).
// Ask with ui/confirmRequests.ts' askToConfirm instead; let a form take what prompt() took.
const NATIVE_DIALOG = /(?<![\w.])(?:window\.|globalThis\.|self\.)?(confirm|alert|prompt)\s*\(/g;

describe("the web app", () => {
  it("B11: never calls the browser's confirm, alert or prompt", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100);
    const found = Object.entries(SOURCES).flatMap(([file, source]) => {
      // Comments may name them.
      const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
      return [...code.matchAll(NATIVE_DIALOG)].map((m) => `${file}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });
});
