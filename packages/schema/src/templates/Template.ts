import type { CardStatus, Channel } from "../vocabulary.ts";
import type { PersonaFields } from "../records/Persona.ts";

/** A declarative starting point for a new map, interpreted by createMapFromTemplate. */
export interface Template {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly title: string;
  readonly scenario: string;
  readonly personas: readonly PersonaFields[];
  readonly phases: readonly TemplatePhase[];
}

export interface TemplatePhase {
  readonly name: string;
  readonly colour?: string;
  readonly description?: string;
  readonly touchpoints: readonly TemplateTouchpoint[];
}

export interface TemplateCard {
  readonly title: string;
  readonly detail?: string;
  readonly rating?: number;
  readonly status?: CardStatus;
  readonly owner?: string;
}

export interface TemplateTouchpoint {
  readonly name: string;
  readonly channel: Channel;
  /** Several channels, built-in ids or custom names (first wins over `channel`). */
  readonly channels?: readonly string[];
  readonly action?: string;
  readonly team?: string;
  /** Emotion scores by persona index. */
  readonly emotions?: readonly number[];
  readonly actions?: string;
  readonly thoughts?: string;
  readonly painPoints?: readonly TemplateCard[];
  readonly opportunities?: readonly TemplateCard[];
}
