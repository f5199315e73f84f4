/**
 * Presentation mode, the logic without React: which slides a map has (a title slide, then one
 * per phase) and moving between them. Presenter following goes through presence
 * (sync/presence): the presenter publishes the key of the slide they show, followers whom they
 * follow, so the presenter can see how many people are with them. Slides are named by phase
 * id, not index, so a phase added or moved during the talk does not shift followers.
 */
import type { JourneyMap } from "@journeymap/schema";

/** The title slide's key; every other slide is keyed by its phase id. */
export const TITLE_SLIDE = "title";

export interface Slide {
  readonly key: string;
  /** null for the title slide. */
  readonly phaseId: string | null;
}

/** The title, then each phase that has a name or a step (the synthetic Unassigned one too). */
export function slidesOf(map: Pick<JourneyMap, "phases">): readonly Slide[] {
  return [
    { key: TITLE_SLIDE, phaseId: null },
    ...map.phases.map((p) => ({ key: p.id as string, phaseId: p.id as string })),
  ];
}

/** The index of `key` among `slides`; a slide that no longer exists falls back to `fallback`. */
export function slideIndex(slides: readonly Slide[], key: string | null, fallback = 0): number {
  const index = key === null ? -1 : slides.findIndex((s) => s.key === key);
  if (index !== -1) return index;
  return Math.min(Math.max(0, fallback), slides.length - 1);
}

export type Move = "next" | "previous" | "first" | "last";

/** The slide after a move, clamped to the deck (no wrapping: the end of a talk is the end). */
export function moveSlide(index: number, move: Move, count: number): number {
  const last = Math.max(0, count - 1);
  switch (move) {
    case "next":
      return Math.min(last, index + 1);
    case "previous":
      return Math.max(0, index - 1);
    case "first":
      return 0;
    case "last":
      return last;
  }
}

/** Keys a presenter uses, as clickers send them (arrows, page keys, space). */
export function moveForKey(key: string, shift = false): Move | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      return "next";
    case " ":
      return shift ? "previous" : "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    default:
      return null;
  }
}

/** "Phase 2 of 6" style position, the title slide not counted. */
export function slideLabel(index: number, count: number): string {
  return index === 0 ? "Overview" : `Phase ${index} of ${count - 1}`;
}
