/**
 * Version 0: the beta export, before rich text and the −3..+3 scale. Phases nested their
 * touchpoints, cells were plain text, emotions were 1–5 per persona (by persona position)
 * and entities had no ids. Kept readable forever; migrated through the template seeder.
 */
import { z } from "zod";
import type { Template, TemplateCard } from "../templates/Template.ts";
import { CHANNELS } from "../vocabulary.ts";
import { fromFivePointScore } from "./outline.ts";

const text = (max = 500) => z.string().max(max);
const card = z.object({
  title: text().min(1),
  detail: text(20_000).optional(),
  rating: z.number().int().min(1).max(5).optional(),
});

export const mapFileV0Schema = z.object({
  format: z.literal("journeymap"),
  version: z.literal(0),
  map: z.object({
    title: text(),
    description: text(20_000).optional(),
    personas: z
      .array(
        z.object({
          name: text(),
          role: text().optional(),
          quote: text(20_000).optional(),
          colour: z
            .string()
            .regex(/^#[0-9a-fA-F]{6}$/)
            .optional(),
        }),
      )
      .max(50),
    phases: z
      .array(
        z.object({
          name: text(),
          colour: z
            .string()
            .regex(/^#[0-9a-fA-F]{6}$/)
            .optional(),
          touchpoints: z.array(
            z.object({
              name: text(),
              channel: z.enum(CHANNELS).optional(),
              action: text().optional(),
              team: text().optional(),
              actions: text(20_000).optional(),
              thoughts: text(20_000).optional(),
              /** 1–5, one per persona, by persona position. */
              emotions: z.array(z.number().min(1).max(5)).optional(),
              painPoints: z.array(card).optional(),
              opportunities: z.array(card).optional(),
            }),
          ),
        }),
      )
      .max(500),
  }),
});

export type MapFileV0 = z.infer<typeof mapFileV0Schema>;

const toCard = (c: z.infer<typeof card>): TemplateCard => ({
  title: c.title,
  ...(c.detail !== undefined ? { detail: c.detail } : {}),
  ...(c.rating !== undefined ? { rating: c.rating } : {}),
});

export function templateFromV0(file: MapFileV0): Template {
  const { map } = file;
  return {
    id: "import-v0",
    name: "Version 0 file",
    summary: "",
    title: map.title,
    scenario: map.description ?? "",
    personas: map.personas.map((p) => ({
      name: p.name,
      ...(p.role !== undefined ? { role: p.role } : {}),
      ...(p.quote !== undefined ? { quote: p.quote } : {}),
      ...(p.colour !== undefined ? { colour: p.colour } : {}),
    })),
    phases: map.phases.map((phase) => ({
      name: phase.name,
      ...(phase.colour !== undefined ? { colour: phase.colour } : {}),
      touchpoints: phase.touchpoints.map((t) => ({
        name: t.name,
        channel: t.channel ?? "custom",
        ...(t.action !== undefined ? { action: t.action } : {}),
        ...(t.team !== undefined ? { team: t.team } : {}),
        ...(t.actions !== undefined ? { actions: t.actions } : {}),
        ...(t.thoughts !== undefined ? { thoughts: t.thoughts } : {}),
        emotions: (t.emotions ?? []).map(fromFivePointScore),
        painPoints: (t.painPoints ?? []).map(toCard),
        opportunities: (t.opportunities ?? []).map(toCard),
      })),
    })),
  };
}
