/**
 * The one module that knows the Y.Doc layout: root type names and field keys.
 * Everything else goes through typed accessors built on these constants, so a typo in a key
 * cannot silently create an empty type somewhere else in the codebase.
 *
 * Layout (see docs/SPEC.md):
 *   meta         Y.Map<field, value>                 title, description, schemaVersion, lastRestore
 *   personas     Y.Map<PersonaId, Y.Map<field, value>>
 *   phases       Y.Map<PhaseId, Y.Map<field, value>>
 *   touchpoints  Y.Map<TouchpointId, Y.Map<field, value | Y.XmlFragment>>
 *   lanes        Y.Map<LaneId, Y.Map<field, value>>
 *   cards        Y.Map<CardId, Y.Map<field, value>>  pain points and opportunities
 *   evidence     Y.Map<EvidenceId, Y.Map<field, value>>
 *   emotions     Y.Map<"persona/touchpoint", { score, note }>   one plain value per point
 *   cell/<lane>/<touchpoint>   root Y.XmlFragment: the rich text of one text-lane cell
 *   card/<card>/description    root Y.XmlFragment: the rich-text description of one card
 *
 * Cells are root types on purpose: a root type is identified by its name, so two people who
 * start typing into the same empty cell concurrently write into one fragment. A nested
 * fragment created lazily under a map key would lose one of them (yjs/yjs#483). Card
 * descriptions are root types for the same reason: cards made before descriptions existed
 * have no fragment, and creating one later (lazily or in a migration on two clients at once)
 * would race. A root type needs no creation at all.
 */
export const ROOT = {
  meta: "meta",
  personas: "personas",
  phases: "phases",
  touchpoints: "touchpoints",
  lanes: "lanes",
  cards: "cards",
  evidence: "evidence",
  emotions: "emotions",
} as const;

export type EntityRoot = Exclude<keyof typeof ROOT, "meta" | "emotions">;
export const ENTITY_ROOTS: readonly EntityRoot[] = [
  "personas",
  "phases",
  "touchpoints",
  "lanes",
  "cards",
  "evidence",
];

export const CELL_ROOT_PREFIX = "cell/";
export const CARD_DESCRIPTION_PREFIX = "card/";
const CARD_DESCRIPTION_SUFFIX = "/description";

export const META = {
  title: "title",
  description: "description",
  schemaVersion: "schemaVersion",
  createdAt: "createdAt",
  /** The last whole-map restore (history/restoreRecord.ts): one plain value, last writer wins. */
  lastRestore: "lastRestore",
} as const;

/** Every ordered entity keeps its position in ONE value so a concurrent move cannot mix two choices. */
export const POS = "pos";

export const PERSONA = {
  pos: POS,
  name: "name",
  role: "role",
  quote: "quote",
  colour: "colour",
  ageRange: "ageRange",
  gender: "gender",
  occupation: "occupation",
  education: "education",
  income: "income",
  location: "location",
  goals: "goals",
  needs: "needs",
  motivations: "motivations",
  frustrations: "frustrations",
  interests: "interests",
  behaviours: "behaviours",
  /** The workspace library persona this one follows (issue 19); absent or null: none. */
  libraryPersonaId: "libraryPersonaId",
} as const;

export const PHASE = {
  pos: POS,
  name: "name",
  colour: "colour",
  description: "description",
} as const;

export const TOUCHPOINT = {
  pos: POS,
  name: "name",
  /** The first channel's kind, kept for readers older than `channels` (schema v3). */
  channel: "channel",
  /** One plain array of channel entries (see records/channelList.ts), written whole. */
  channels: "channels",
  action: "action",
  team: "team",
  description: "description",
  /** The map this step stands for (a sub-journey, issue 19); null or absent: none. */
  subMapId: "subMapId",
} as const;

export const LANE = {
  pos: POS,
  kind: "kind",
  name: "name",
  hidden: "hidden",
  /** What a custom lane's cells hold: text (cell fragments) or one typed value per step. */
  type: "type",
  /** The unit shown after a number lane's values ("min", "€"). */
  unit: "unit",
} as const;

/**
 * A typed lane keeps each step's value in its own map under `value/<touchpoint>`: one plain
 * value per key, so concurrent writers to one cell converge on one winner and writers to
 * different cells never touch each other. Values stay when their step is deleted, so undoing
 * the delete brings them back; the read model shows only values of existing steps.
 */
export const LANE_VALUE_PREFIX = "value/";

export function laneValueKey(touchpointId: string): string {
  return `${LANE_VALUE_PREFIX}${touchpointId}`;
}

export function parseLaneValueKey(key: string): string | null {
  return key.startsWith(LANE_VALUE_PREFIX) && key.length > LANE_VALUE_PREFIX.length
    ? key.slice(LANE_VALUE_PREFIX.length)
    : null;
}

export const CARD = {
  pos: POS,
  kind: "kind",
  title: "title",
  detail: "detail",
  rating: "rating",
  status: "status",
  owner: "owner",
  /** The workspace library opportunity this card stands for (issue 19); absent or null: none. */
  libraryOpportunityId: "libraryOpportunityId",
} as const;

export const EVIDENCE = {
  target: "target",
  kind: "kind",
  text: "text",
  source: "source",
  url: "url",
  contributor: "contributor",
  team: "team",
  sentiment: "sentiment",
  createdAt: "createdAt",
} as const;

export function cellRootName(laneId: string, touchpointId: string): string {
  return `${CELL_ROOT_PREFIX}${laneId}/${touchpointId}`;
}

export function parseCellRootName(name: string): { laneId: string; touchpointId: string } | null {
  if (!name.startsWith(CELL_ROOT_PREFIX)) return null;
  const rest = name.slice(CELL_ROOT_PREFIX.length);
  const slash = rest.indexOf("/");
  if (slash <= 0 || slash === rest.length - 1) return null;
  return { laneId: rest.slice(0, slash), touchpointId: rest.slice(slash + 1) };
}

export function cardDescriptionRootName(cardId: string): string {
  return `${CARD_DESCRIPTION_PREFIX}${cardId}${CARD_DESCRIPTION_SUFFIX}`;
}

export function parseCardDescriptionRootName(name: string): string | null {
  if (!name.startsWith(CARD_DESCRIPTION_PREFIX) || !name.endsWith(CARD_DESCRIPTION_SUFFIX)) {
    return null;
  }
  const id = name.slice(CARD_DESCRIPTION_PREFIX.length, -CARD_DESCRIPTION_SUFFIX.length);
  return id.length > 0 && !id.includes("/") ? id : null;
}

export function emotionKey(personaId: string, touchpointId: string): string {
  return `${personaId}/${touchpointId}`;
}

export function parseEmotionKey(key: string): { personaId: string; touchpointId: string } | null {
  const slash = key.indexOf("/");
  if (slash <= 0 || slash === key.length - 1) return null;
  return { personaId: key.slice(0, slash), touchpointId: key.slice(slash + 1) };
}

/**
 * Freshness (issue 18): ONE root map of plain values, so a verification, an owner or the review
 * setting is map content (it syncs live, is in the log) without touching the entities it is
 * about: marking a step as verified must not count as changing it.
 *   reviewAfterDays              number: items not changed or verified for longer need review
 *   owner/<phaseId>              string: a person or a team
 *   verified/<elementKey>        { by, at }: who last verified the thing (and what it holds)
 */
export const FRESHNESS_ROOT = "freshness";
export const FRESHNESS = {
  reviewAfterDays: "reviewAfterDays",
  ownerPrefix: "owner/",
  verifiedPrefix: "verified/",
} as const;
