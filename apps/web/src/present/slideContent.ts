/**
 * What one phase's slide shows, derived from the read model (pure, so it is tested without a
 * browser): each step with its channel, what the customer does and thinks, every shown
 * persona's emotion with its label, and the step's pain points and opportunities. Only the
 * essentials: a slide is read from across a room.
 */
import {
  type Card,
  CHANNEL_LABELS,
  type Channel,
  cellRootName,
  EMOTION_LABELS,
  emotionKey,
  type JourneyMap,
  type Phase,
  type RichTextNode,
} from "@journeymap/schema";

export interface SlideEmotion {
  readonly personaId: string;
  readonly persona: string;
  readonly colour: string;
  readonly score: number;
  /** "Slightly negative": the score in words, so colour is never the only cue. */
  readonly label: string;
  readonly note: string;
}

export interface SlideStep {
  readonly id: string;
  readonly name: string;
  readonly channel: Channel;
  readonly channelLabel: string;
  /** The actions lane's text, else the step's one-line action. */
  readonly doing: string;
  /** The actions lane's rich text; empty when `doing` is the one-line action. */
  readonly doingContent: readonly RichTextNode[];
  readonly thinking: string;
  readonly thinkingContent: readonly RichTextNode[];
  readonly team: string;
  readonly emotions: readonly SlideEmotion[];
  readonly painPoints: readonly Card[];
  readonly opportunities: readonly Card[];
}

export interface PhaseSlideContent {
  readonly phase: Phase;
  readonly steps: readonly SlideStep[];
}

function laneShown(map: JourneyMap, kind: string): boolean {
  const lane = map.lanes.find((l) => l.kind === kind);
  return lane !== undefined && !lane.hidden;
}

const NO_CONTENT: readonly RichTextNode[] = [];

/** A lane's cell as text and rich text, empty when the lane is hidden or missing. */
function laneCell(map: JourneyMap, kind: string, touchpointId: string) {
  const lane = map.lanes.find((l) => l.kind === kind);
  const cell = lane && !lane.hidden ? map.cells.get(cellRootName(lane.id, touchpointId)) : null;
  const text = cell?.text.trim() ?? "";
  return { text, content: text && cell ? cell.content : NO_CONTENT };
}

export function phaseSlideContent(
  map: JourneyMap,
  phaseId: string,
  hiddenPersonas: ReadonlySet<string> = new Set(),
): PhaseSlideContent | null {
  const phase = map.phases.find((p) => p.id === phaseId);
  if (!phase) return null;
  // A lane hidden on the board is hidden on the slides too: the board is what was agreed.
  const showPain = laneShown(map, "painPoints");
  const showOpportunities = laneShown(map, "opportunities");
  const showEmotions = laneShown(map, "emotions");
  const personas = map.personas.filter((p) => !hiddenPersonas.has(p.id));
  const steps = (map.touchpointsByPhase.get(phase.id) ?? []).map((t): SlideStep => {
    const cards = map.cardsByTouchpoint.get(t.id) ?? [];
    const emotions: SlideEmotion[] = [];
    for (const persona of showEmotions ? personas : []) {
      const point = map.emotions.get(emotionKey(persona.id, t.id));
      if (!point) continue;
      emotions.push({
        personaId: persona.id,
        persona: persona.name,
        colour: persona.colour,
        score: point.score,
        label: EMOTION_LABELS[point.score] ?? "",
        note: point.note,
      });
    }
    const doing = laneCell(map, "actions", t.id);
    const thinking = laneCell(map, "thoughts", t.id);
    return {
      id: t.id,
      name: t.name,
      channel: t.channel,
      channelLabel: CHANNEL_LABELS[t.channel],
      doing: doing.text || t.action,
      doingContent: doing.content,
      thinking: thinking.text,
      thinkingContent: thinking.content,
      team: t.team,
      emotions,
      painPoints: showPain
        ? cards.filter((c) => c.kind === "painPoint" && c.status !== "dismissed")
        : [],
      opportunities: showOpportunities
        ? cards.filter((c) => c.kind === "opportunity" && c.status !== "dismissed")
        : [],
    };
  });
  return { phase, steps };
}
