/** The PDF's personas section: each persona's role, quote, demographics and psychographics. */
import { DEMOGRAPHIC_FIELDS, type JourneyMap, PSYCHOGRAPHIC_FIELDS } from "@journeymap/schema";
import { DEMOGRAPHIC_LABELS, PSYCHOGRAPHIC_LABELS } from "../board/personaLabels.ts";
import { hexColour, INK, type PdfFlow } from "./PdfFlow.ts";
import { plural, quoted } from "./typography.ts";

export function writePersonas(flow: PdfFlow, map: JourneyMap): void {
  if (map.personas.length === 0) return;
  // One persona per column, side by side across the page as on a persona sheet.
  flow.section("Personas", plural(map.personas.length, "persona"), map.personas.length);
  for (const [i, persona] of map.personas.entries()) {
    if (i > 0) flow.nextColumn();
    flow.heading(persona.name);
    flow.accent(hexColour(persona.colour));
    if (persona.role) flow.paragraph(persona.role, { colour: INK.muted });
    if (persona.quote)
      flow.paragraph(quoted(persona.quote), { font: "italic", size: 11, after: 8 });
    for (const field of DEMOGRAPHIC_FIELDS) {
      const value = persona.demographics[field];
      if (value) flow.paragraph(`${DEMOGRAPHIC_LABELS[field]}: ${value}`, { size: 9.5, after: 1 });
    }
    for (const field of PSYCHOGRAPHIC_FIELDS) {
      const items = persona.psychographics[field].split("\n").filter((l) => l.trim() !== "");
      if (items.length === 0) continue;
      flow.space(4);
      flow.paragraph(PSYCHOGRAPHIC_LABELS[field], { font: "bold", size: 9.5, after: 1 });
      for (const item of items) flow.paragraph(`• ${item}`, { size: 9.5, indent: 8, after: 1 });
    }
  }
}
