/** The PDF's personas section: each persona's role, quote, demographics and psychographics. */
import { DEMOGRAPHIC_FIELDS, type JourneyMap, PSYCHOGRAPHIC_FIELDS } from "@journeymap/schema";
import { DEMOGRAPHIC_LABELS, PSYCHOGRAPHIC_LABELS } from "../board/personaLabels.ts";
import { INK, type PdfFlow } from "./PdfFlow.ts";

export function writePersonas(flow: PdfFlow, map: JourneyMap): void {
  if (map.personas.length === 0) return;
  flow.section("Personas", `${map.personas.length} persona(s)`);
  for (const persona of map.personas) {
    flow.heading(persona.name);
    if (persona.role) flow.paragraph(persona.role, { colour: INK.muted });
    if (persona.quote) flow.paragraph(`"${persona.quote}"`, { font: "italic", after: 6 });
    for (const field of DEMOGRAPHIC_FIELDS) {
      const value = persona.demographics[field];
      if (value) flow.paragraph(`${DEMOGRAPHIC_LABELS[field]}: ${value}`, { size: 9.5, after: 1 });
    }
    for (const field of PSYCHOGRAPHIC_FIELDS) {
      const items = persona.psychographics[field].split("\n").filter((l) => l.trim() !== "");
      if (items.length === 0) continue;
      flow.paragraph(PSYCHOGRAPHIC_LABELS[field], {
        font: "bold",
        size: 9.5,
        after: 1,
      });
      for (const item of items) flow.paragraph(`• ${item}`, { size: 9.5, indent: 8, after: 1 });
    }
    flow.space(10);
  }
}
