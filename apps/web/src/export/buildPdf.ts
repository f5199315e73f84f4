/**
 * The multi-page PDF: the map (split by columns over as many landscape pages as keep it
 * legible), then personas, insights, and pain points with their evidence, as real text.
 * The map images come from a function (rasterizing is the browser's job), so this module
 * only lays out pages.
 */
import {
  CHANNEL_LABELS,
  DEMOGRAPHIC_FIELDS,
  EMOTION_LABELS,
  type EVIDENCE_KINDS,
  type Evidence,
  type JourneyMap,
  journeyInsights,
  PSYCHOGRAPHIC_FIELDS,
} from "@journeymap/schema";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { boardColumns } from "../board/columns.ts";
import { INK, type Paper, PdfFlow, toWinAnsi } from "./PdfFlow.ts";
import { MAP_LAYOUT } from "./renderMapSvg.ts";

/**
 * Smallest print scale in points per board pixel: 13 px cell text prints at ≥ 7.5 pt,
 * readable on paper. Wider maps go onto more pages instead of shrinking further.
 */
const MIN_POINTS_PER_PX = 0.58;

export interface MapSlice {
  readonly png: Uint8Array;
  /** The slice's size in board pixels (the PNG is larger: it is drawn at print scale). */
  readonly width: number;
  readonly height: number;
}

/** Column ranges [from, to) per map page for this paper. */
export function pageColumns(columnCount: number, pageWidth: number): [number, number][] {
  const usable =
    (pageWidth - 80) / MIN_POINTS_PER_PX - 2 * MAP_LAYOUT.margin - MAP_LAYOUT.laneWidth;
  const perPage = Math.max(1, Math.floor(usable / MAP_LAYOUT.columnWidth));
  const pages = Math.max(1, Math.ceil(columnCount / perPage));
  // Even pages: 13 columns on 3 pages as 5/4/4, not 6/6/1.
  const size = Math.ceil(columnCount / pages);
  const out: [number, number][] = [];
  for (let from = 0; from < Math.max(columnCount, 1); from += size) {
    out.push([from, Math.min(columnCount, from + size)]);
  }
  return out;
}

const DEMOGRAPHIC_LABELS: Record<(typeof DEMOGRAPHIC_FIELDS)[number], string> = {
  ageRange: "Age",
  gender: "Gender",
  occupation: "Occupation",
  education: "Education",
  income: "Income",
  location: "Location",
};

const KIND_LABELS: Record<(typeof EVIDENCE_KINDS)[number], string> = {
  quote: "Quote",
  ticket: "Ticket",
  callNote: "Call note",
  metric: "Metric",
  other: "Evidence",
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const signed = (score: number) => `${score > 0 ? "+" : ""}${score}`;

export async function buildPdf(
  map: JourneyMap,
  paper: Paper,
  drawSlice: (columns: [number, number]) => Promise<MapSlice>,
  exportedAt: Date,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(map.meta.title);
  doc.setCreator("Journeymap");
  doc.setProducer("Journeymap");
  doc.setCreationDate(exportedAt);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const flow = new PdfFlow(doc, fonts, paper, `Journeymap · ${map.meta.title}`);
  const [pageW, pageH] = flow.pageSize;
  const touchpointName = new Map(map.touchpoints.map((t) => [t.id as string, t.name]));
  const phaseOf = new Map(
    map.touchpoints.map((t) => [
      t.id as string,
      map.phases.find((p) => p.id === t.phaseId)?.name ?? "",
    ]),
  );

  // The map, page by page.
  const ranges = pageColumns(boardColumns(map).columns.length, pageW);
  for (const [i, range] of ranges.entries()) {
    const slice = await drawSlice(range);
    const page = flow.newPage();
    const m = flow.margin;
    page.drawText(toWinAnsi(map.meta.title, fonts.bold), {
      x: m,
      y: pageH - m - 16,
      size: 18,
      font: fonts.bold,
      color: INK.text,
    });
    const sub =
      i === 0 && map.meta.description
        ? map.meta.description.replace(/\s+/g, " ").slice(0, 220)
        : `Journey map, part ${i + 1} of ${ranges.length}`;
    page.drawText(toWinAnsi(sub, fonts.regular), {
      x: m,
      y: pageH - m - 34,
      size: 10,
      font: fonts.regular,
      color: INK.muted,
      maxWidth: pageW - 2 * m,
    });
    const image = await doc.embedPng(slice.png);
    const top = pageH - m - 46;
    const scale = Math.min((pageW - 2 * m) / slice.width, (top - m) / slice.height);
    page.drawImage(image, {
      x: m,
      y: top - slice.height * scale,
      width: slice.width * scale,
      height: slice.height * scale,
    });
  }

  // Personas.
  if (map.personas.length > 0) {
    flow.section("Personas", `${map.personas.length} persona(s)`);
    for (const persona of map.personas) {
      flow.heading(persona.name);
      if (persona.role) flow.paragraph(persona.role, { colour: INK.muted });
      if (persona.quote) flow.paragraph(`"${persona.quote}"`, { font: "italic", after: 6 });
      for (const field of DEMOGRAPHIC_FIELDS) {
        const value = persona.demographics[field];
        if (value)
          flow.paragraph(`${DEMOGRAPHIC_LABELS[field]}: ${value}`, { size: 9.5, after: 1 });
      }
      for (const field of PSYCHOGRAPHIC_FIELDS) {
        const items = persona.psychographics[field].split("\n").filter((l) => l.trim() !== "");
        if (items.length === 0) continue;
        flow.paragraph(field[0]!.toUpperCase() + field.slice(1), {
          font: "bold",
          size: 9.5,
          after: 1,
        });
        for (const item of items) flow.paragraph(`• ${item}`, { size: 9.5, indent: 8, after: 1 });
      }
      flow.space(10);
    }
  }

  // Insights.
  const insights = journeyInsights(map);
  flow.section(
    "Insights",
    `${insights.totalSteps} steps across ${insights.stepsPerPhase.length} phases`,
  );
  flow.heading("Steps per phase");
  for (const p of insights.stepsPerPhase) flow.paragraph(`${p.name}: ${p.steps}`, { after: 1 });
  flow.heading(`Channel switches (${insights.channelSwitches.length})`);
  for (const s of insights.channelSwitches) {
    flow.paragraph(
      `${touchpointName.get(s.from) ?? ""} (${CHANNEL_LABELS[s.before as keyof typeof CHANNEL_LABELS] ?? s.before}) -> ${touchpointName.get(s.to) ?? ""} (${CHANNEL_LABELS[s.after as keyof typeof CHANNEL_LABELS] ?? s.after})`,
      { size: 9.5, after: 1 },
    );
  }
  flow.heading(`Hand-offs between teams (${insights.handOffs.length})`);
  for (const h of insights.handOffs) {
    flow.paragraph(
      `${h.before} -> ${h.after}: ${touchpointName.get(h.from) ?? ""} -> ${touchpointName.get(h.to) ?? ""}`,
      {
        size: 9.5,
        after: 1,
      },
    );
  }
  flow.heading("Lowest points");
  for (const low of insights.lowPoints) {
    const persona = map.personas.find((p) => p.id === low.personaId)?.name ?? "";
    const where = low.touchpointIds.map((id) => touchpointName.get(id) ?? "").join(", ");
    flow.paragraph(
      `${persona}: ${signed(low.score)} ${EMOTION_LABELS[low.score] ?? ""} at ${where}`,
      { after: 2 },
    );
  }
  if (insights.lowPoints.length === 0)
    flow.paragraph("No emotion scores yet.", { colour: INK.muted });
  const channelLabel = (label: string) =>
    CHANNEL_LABELS[label as keyof typeof CHANNEL_LABELS] ?? label;
  for (const [title, spots, name] of [
    ["Pain-point hotspots by phase", insights.hotspotsByPhase, (label: string) => label],
    // Channel hotspots are keyed by channel id ("mobileApp"): print the label people know.
    ["Pain-point hotspots by channel", insights.hotspotsByChannel, channelLabel],
  ] as const) {
    flow.heading(title);
    if (spots.length === 0) flow.paragraph("No pain points yet.", { colour: INK.muted });
    for (const spot of spots) {
      flow.paragraph(
        `${name(spot.label)}: ${plural(spot.painPoints, "pain point")}, severity ${spot.severity}, ${spot.evidence} evidence`,
        { size: 9.5, after: 1 },
      );
    }
  }

  // Pain points with their evidence, in board order.
  const painPoints = map.touchpoints.flatMap((t) =>
    (map.cardsByTouchpoint.get(t.id) ?? []).filter((c) => c.kind === "painPoint"),
  );
  flow.section(
    "Pain points and evidence",
    `${painPoints.length} pain point(s), ${map.evidence.length} evidence item(s)`,
  );
  const writeEvidence = (items: readonly Evidence[]) => {
    for (const e of items) {
      const by = [KIND_LABELS[e.kind], e.source, e.contributor, e.team].filter(Boolean).join(" · ");
      flow.paragraph(`"${e.text}"`, { size: 9.5, font: "italic", indent: 10, after: 0 });
      flow.paragraph(`${by}${e.sentiment !== null ? ` · sentiment ${signed(e.sentiment)}` : ""}`, {
        size: 8.5,
        colour: INK.muted,
        indent: 10,
        after: 4,
      });
    }
  };
  for (const card of painPoints) {
    flow.heading(card.title);
    flow.paragraph(
      [
        `${phaseOf.get(card.touchpointId) ?? ""} > ${touchpointName.get(card.touchpointId) ?? ""}`,
        `severity ${card.rating}/5`,
        card.status === "inProgress" ? "in progress" : card.status,
        card.owner,
      ]
        .filter(Boolean)
        .join(" · "),
      { size: 9, colour: INK.muted },
    );
    if (card.detail) flow.paragraph(card.detail);
    writeEvidence(map.evidenceByTarget.get(card.id) ?? []);
    flow.space(6);
  }
  if (painPoints.length === 0) flow.paragraph("No pain points yet.", { colour: INK.muted });
  const onSteps = map.touchpoints.filter((t) => (map.evidenceByTarget.get(t.id) ?? []).length > 0);
  if (onSteps.length > 0) {
    flow.heading("Evidence on steps");
    for (const t of onSteps) {
      flow.paragraph(`${phaseOf.get(t.id) ?? ""} > ${t.name}`, { font: "bold", size: 10 });
      writeEvidence(map.evidenceByTarget.get(t.id) ?? []);
    }
  }
  return doc.save();
}
