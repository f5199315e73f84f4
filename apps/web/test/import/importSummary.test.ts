import { parseMermaidJourney, parseTouchpointCsv } from "@journeymap/schema/format";
import { describe, expect, it } from "vitest";
import {
  issueText,
  type PreviewResponse,
  summarize,
  verdict,
} from "../../src/import/importSummary.ts";

const asResponse = (p: ReturnType<typeof parseTouchpointCsv>): PreviewResponse => ({
  ...p,
  importable: p.snapshot !== null && p.errors.length === 0,
});

describe("the import preview", () => {
  it("lists phases with their steps, channels, each persona's score and pain points", () => {
    const csv = parseTouchpointCsv(
      "phase,touchpoint,channel,emotion score,pain point\n" +
        "Discover,Sees an ad,Paid ads,1,\n" +
        "Buy,Checks out,website,-2,Card declined\n" +
        "Discover,Reads reviews,review site,0,\n",
      { personaName: "Jamal" },
    );
    const summary = summarize(csv.snapshot!);
    expect(summary.personas).toEqual(["Jamal"]);
    expect(summary.phases.map((p) => [p.name, p.steps.map((s) => s.name)])).toEqual([
      ["Discover", ["Sees an ad", "Reads reviews"]],
      ["Buy", ["Checks out"]],
    ]);
    expect(summary.phases[1]!.steps[0]).toMatchObject({
      channel: "Website",
      emotions: "Jamal −2",
      painPoints: "Card declined",
    });
    expect(verdict(asResponse(csv))).toBe("Ready to import: 2 phases, 3 steps, 1 persona.");
  });

  it("names each problem's row or line and says nothing will be imported", () => {
    const csv = asResponse(
      parseTouchpointCsv(
        `phase,touchpoint,channel,emotion\nA,x,${"Fax".repeat(14)},1\nA,y,email,9\nB,z,,\n`,
      ),
    );
    expect(csv.errors.map(issueText)).toEqual([
      expect.stringMatching(/^Row 2: the channel "FaxFax.*" is longer than 40 characters/),
      'Row 3: the emotion score "9" is not a whole number from -3 to +3',
    ]);
    expect(verdict(csv)).toBe(
      "This file has 2 problems. Nothing will be imported until it is fixed.",
    );
    // The good row is still previewed.
    expect(summarize(csv.snapshot!).phases.map((p) => p.name)).toEqual(["B"]);
    const mermaid = parseMermaidJourney("journey\n section A\n  Task: high: Me\n");
    expect(mermaid.errors.map(issueText)).toEqual([
      'Line 3: the score "high" of "Task" is not a whole number from 1 to 5',
    ]);
    expect(issueText({ path: "map.phases[0].name", message: "too long" })).toBe(
      "map.phases[0].name: too long",
    );
    expect(issueText({ path: "", message: "the file is empty" })).toBe("the file is empty");
  });
});
