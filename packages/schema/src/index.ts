/**
 * @journeymap/schema: the journey-map Y.Doc. Layout, records, read model, mutations,
 * migrations, templates and transaction origins. Pure TypeScript over yjs: no React, no I/O.
 */
export * from "./ids.ts";
export * from "./origin.ts";
export * from "./vocabulary.ts";
export { compareOrder, keyAt, sortByOrder } from "./order.ts";
export { cardDescriptionRootName, cellRootName, emotionKey } from "./layout.ts";
export * from "./elementRef/index.ts";

export type {
  Persona,
  PersonaFields,
  DemographicField,
  PsychographicField,
} from "./records/Persona.ts";
export {
  DEMOGRAPHIC_FIELDS,
  isLibraryPersonaId,
  PERSONA_DEFAULT_NAME,
  PSYCHOGRAPHIC_FIELDS,
  toLibraryPersonaId,
} from "./records/Persona.ts";
export type { Phase, PhaseFields } from "./records/Phase.ts";
export { UNASSIGNED_PHASE_ID } from "./records/Phase.ts";
export type { Touchpoint, TouchpointFields } from "./records/Touchpoint.ts";
export { isSubMapId } from "./records/Touchpoint.ts";
export type { Lane, LaneFields } from "./records/Lane.ts";
export type { LaneValue } from "./records/laneValue.ts";
export { MAX_LANE_NUMBER, MAX_LANE_UNIT, toLink } from "./records/laneValue.ts";
export type { ChannelEntry } from "./records/channelList.ts";
export {
  channelKind,
  channelLabel,
  isBuiltInChannel,
  MAX_CHANNEL_NAME,
  MAX_CHANNELS_PER_STEP,
  toChannelEntry,
  validChannelList,
} from "./records/channelList.ts";
export { builtInLaneId } from "./records/Lane.ts";
export type { Card, CardFields } from "./records/Card.ts";
export { isLibraryOpportunityId } from "./records/Card.ts";
export type { Evidence, EvidenceFields, EvidenceTarget } from "./records/Evidence.ts";
export type { EmotionPoint } from "./records/EmotionPoint.ts";
export type { MapMeta, MapMetaFields } from "./records/MapMeta.ts";
export { readMapMeta } from "./records/MapMeta.ts";

export type { JourneyMap, Cell } from "./read/JourneyMap.ts";
export type { RichTextMark, RichTextNode } from "./read/richText.ts";
export { readJourneyMap } from "./read/readJourneyMap.ts";
/** The bounds of a map's texts: what the read model keeps (one line and multi-line). */
export { MAX_LONG_TEXT, MAX_SHORT_TEXT } from "./read/coerce.ts";
export { MapReader } from "./read/MapReader.ts";
export { readMeta as readMapMetaFromDoc } from "./read/records.ts";

export * from "./mutations/cards.ts";
export * from "./mutations/cells.ts";
export * from "./mutations/emotions.ts";
export * from "./mutations/evidence.ts";
export * from "./mutations/lanes.ts";
export * from "./mutations/meta.ts";
export * from "./mutations/personas.ts";
export * from "./mutations/phases.ts";
export * from "./mutations/touchpoints.ts";
export type { MutationContext } from "./mutations/transact.ts";
export { MapEditor, createBoardUndoManager } from "./MapEditor.ts";

export {
  migrateMap,
  MIGRATIONS,
  CURRENT_SCHEMA_VERSION,
  isEmptyMap,
} from "./migrations/migrateMap.ts";
export type { Migration } from "./migrations/Migration.ts";
export { createMapFromTemplate } from "./templates/createMapFromTemplate.ts";
export type { Template } from "./templates/Template.ts";
export { TEMPLATES, findTemplate } from "./templates/index.ts";
export type {
  Hotspot,
  JourneyInsights,
  LowPoint,
  PhaseSteps,
  Transition,
} from "./insights/journeyInsights.ts";
export { channelPhaseMatrix, journeyInsights } from "./insights/journeyInsights.ts";
export type * from "./exchange/MapSnapshot.ts";
// The import vocabulary without the file format's validators (zod), for HTTP payloads.
export {
  describeIssue,
  IMPORT_KINDS,
  type ImportIssue,
  type ImportKind,
} from "./format/ImportPreview.ts";
export { mapFileName, mapFileStem } from "./format/fileNames.ts";
export { snapshotMap } from "./exchange/snapshotMap.ts";
export { importSnapshot } from "./exchange/importSnapshot.ts";
export { readRichText, writeRichText, plainTextOf } from "./read/richText.ts";
export type {
  RichBlock,
  RichBreak,
  RichInline,
  RichList,
  RichParagraph,
  RichRun,
} from "./read/richBlocks.ts";
export { isRichBlocksEmpty, readRichBlocks, RICH_LIMITS } from "./read/richBlocks.ts";
export { MAX_HREF_LENGTH, safeHref } from "./read/safeHref.ts";
export * from "./talk/index.ts";
export * from "./vote/index.ts";
export type {
  AssumedScore,
  EvidenceInsights,
  EvidenceOverview,
  EvidenceTally,
  PainPointEvidence,
  StepEvidence,
} from "./insights/evidenceInsights.ts";
export {
  describeTally,
  evidenceInsights,
  evidenceOverview,
  SENTIMENT_GAP,
  tally,
} from "./insights/evidenceInsights.ts";
export * from "./history/index.ts";
export * from "./branch/index.ts";
export * from "./freshness/index.ts";
export * from "./metrics/index.ts";
export * from "./library/index.ts";
