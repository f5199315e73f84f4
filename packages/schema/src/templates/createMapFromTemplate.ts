import type * as Y from "yjs";
import type { IdSource, LaneId, PersonaId } from "../ids.ts";
import { META, ROOT } from "../layout.ts";
import { CURRENT_SCHEMA_VERSION, isEmptyMap } from "../migrations/migrateMap.ts";
import { insertBuiltInLanes } from "../migrations/builtInLanes.ts";
import { addCard } from "../mutations/cards.ts";
import { setCellText } from "../mutations/cells.ts";
import { setEmotion } from "../mutations/emotions.ts";
import { addPersona } from "../mutations/personas.ts";
import { addPhase } from "../mutations/phases.ts";
import { addTouchpoint } from "../mutations/touchpoints.ts";
import type { MutationContext } from "../mutations/transact.ts";
import { builtInLaneId } from "../records/Lane.ts";
import { BUILT_IN_LANE_KINDS } from "../vocabulary.ts";
import { findTemplate } from "./index.ts";
import type { Template } from "./Template.ts";

export interface CreateMapOptions {
  readonly title?: string;
  readonly ids?: IdSource;
  readonly now?: () => number;
}

/**
 * Seeds an empty document from a template in ONE transaction (origin "template", which undo
 * does not track). Seed on the server only: clients that seed on load duplicate content.
 * Returns false, changing nothing, if the document already holds a map.
 */
export function createMapFromTemplate(
  doc: Y.Doc,
  templateOrId: Template | string = "default",
  options: CreateMapOptions = {},
): boolean {
  const template = typeof templateOrId === "string" ? findTemplate(templateOrId) : templateOrId;
  if (!template) throw new RangeError(`Unknown template: ${JSON.stringify(templateOrId)}`);
  if (!isEmptyMap(doc)) return false;
  const ctx: MutationContext = {
    origin: { kind: "template", template: template.id },
    ...(options.ids ? { ids: options.ids } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  doc.transact(() => {
    const meta = doc.getMap(ROOT.meta);
    meta.set(META.title, (options.title?.trim() || template.title).slice(0, 500));
    meta.set(META.description, template.scenario);
    meta.set(META.schemaVersion, CURRENT_SCHEMA_VERSION);
    meta.set(META.createdAt, (options.now ?? Date.now)());
    insertBuiltInLanes(doc, BUILT_IN_LANE_KINDS);

    const personas: PersonaId[] = template.personas.map((p) => addPersona(doc, p, ctx));
    for (const phase of template.phases) {
      const phaseId = addPhase(doc, phase, ctx);
      for (const tp of phase.touchpoints) {
        const touchpointId = addTouchpoint(doc, { ...tp, phaseId }, ctx);
        tp.emotions?.forEach((score, i) => {
          const personaId = personas[i];
          if (personaId) setEmotion(doc, personaId, touchpointId, { score }, ctx);
        });
        const cells: Array<[LaneId, string | undefined]> = [
          [builtInLaneId("actions"), tp.actions],
          [builtInLaneId("thoughts"), tp.thoughts],
        ];
        for (const [laneId, text] of cells) {
          if (text) setCellText(doc, laneId, touchpointId, text, ctx);
        }
        for (const card of tp.painPoints ?? []) {
          addCard(doc, { ...card, kind: "painPoint", touchpointId }, ctx);
        }
        for (const card of tp.opportunities ?? []) {
          addCard(doc, { ...card, kind: "opportunity", touchpointId }, ctx);
        }
      }
    }
  }, ctx.origin);
  return true;
}
