/**
 * What the import preview shows, from the server's preview of a file (pure, tested without a
 * browser): the phases and steps the map would get, each step's channel, emotion scores,
 * pain points and opportunities, and every problem located by row or line.
 */
import { channelLabel, describeIssue, formatScore, type MapSnapshot } from "@journeymap/schema";
import type { ImportIssue, ImportKind } from "@journeymap/schema/format";
import type { ImportPreviewResult } from "@journeymap/protocol/http";

/** The body of POST /api/import/preview. */
export type PreviewResponse = ImportPreviewResult;

export interface PreviewStep {
  readonly id: string;
  readonly name: string;
  readonly channel: string;
  /** "Priya +1, Tom −2": each persona's score at this step. */
  readonly emotions: string;
  readonly painPoints: string;
  readonly opportunities: string;
}

export interface PreviewPhase {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly steps: readonly PreviewStep[];
}

export interface ImportSummary {
  readonly title: string;
  readonly personas: readonly string[];
  readonly phases: readonly PreviewPhase[];
  readonly stepCount: number;
  readonly cardCount: number;
}

export const KIND_LABELS: Readonly<Record<ImportKind, string>> = {
  json: "Journeymap file",
  csv: "CSV of touchpoints",
  mermaid: "Mermaid journey",
};

/** "Card declined; Slow form": the titles of one kind of card on a step. */
function cardTitles(snapshot: MapSnapshot, touchpointId: string, kind: string): string {
  return snapshot.cards
    .filter((c) => c.touchpointId === touchpointId && c.kind === kind)
    .map((c) => c.title)
    .join("; ");
}

export function summarize(snapshot: MapSnapshot): ImportSummary {
  const persona = new Map(snapshot.personas.map((p) => [p.id, p.name]));
  const phases = snapshot.phases.map((phase) => {
    const steps = snapshot.touchpoints
      .filter((t) => t.phaseId === phase.id)
      .map(
        (t): PreviewStep => ({
          id: t.id,
          name: t.name,
          // A preview from a server older than channel lists has only `channel`.
          channel: (t.channels ?? [t.channel]).map(channelLabel).join(", "),
          emotions: snapshot.emotions
            .filter((e) => e.touchpointId === t.id && persona.has(e.personaId))
            .map((e) => `${persona.get(e.personaId)} ${formatScore(e.score)}`)
            .join(", "),
          painPoints: cardTitles(snapshot, t.id, "painPoint"),
          opportunities: cardTitles(snapshot, t.id, "opportunity"),
        }),
      );
    return { id: phase.id, name: phase.name, colour: phase.colour, steps };
  });
  return {
    title: snapshot.title,
    personas: snapshot.personas.map((p) => p.name),
    phases,
    stepCount: snapshot.touchpoints.length,
    cardCount: snapshot.cards.length,
  };
}

/** "Row 3: unknown channel …", "Line 4: …", "map.phases[0].name: …", or the bare message. */
export function issueText(issue: ImportIssue): string {
  const text = describeIssue(issue);
  // A row or line starts the sentence; a JSON path is shown as written.
  const located = issue.row !== undefined || issue.line !== undefined;
  return located ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The one-sentence verdict above the preview. */
export function verdict(preview: PreviewResponse): string {
  const n = preview.errors.length;
  if (n > 0) {
    return `This file has ${count(n, "problem")}. Nothing will be imported until it is fixed.`;
  }
  if (!preview.snapshot) return "This file holds nothing to import.";
  const s = preview.snapshot;
  return `Ready to import: ${count(s.phases.length, "phase")}, ${count(s.touchpoints.length, "step")}, ${count(s.personas.length, "persona")}.`;
}

/** The server's cap: refuse before uploading. */
export { MAX_IMPORT_BYTES } from "@journeymap/protocol/http";
