import { describe, expect, it } from "vitest";
import { PASTED, sourceLabel, tooLargeProblem } from "../../src/import/importSource.ts";
import { MAX_IMPORT_BYTES } from "../../src/import/importSummary.ts";

describe("importSource", () => {
  it("lets a file up to the limit through and says why a larger one is refused", () => {
    expect(tooLargeProblem({ name: "ok.csv", size: MAX_IMPORT_BYTES })).toBeNull();
    const problem = tooLargeProblem({ name: "big.csv", size: MAX_IMPORT_BYTES + 1 });
    expect(problem).toMatch(/^big\.csv is [\d.]+ MB; files up to [\d.]+ MB can be imported\.$/);
  });
  it("names pasted text as such and a file by its name", () => {
    expect(sourceLabel(PASTED)).toBe("Pasted text");
    expect(sourceLabel("journey.mmd")).toBe("journey.mmd");
  });
});
