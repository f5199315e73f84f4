/**
 * Comment targets as elements. A thread stores its target in the talk document as
 * `{ kind, id }` (persisted data: the shape stays), where a cell's id is `<lane>/<step>` and an
 * emotion point's `<persona>/<step>`. These two functions are the only translation between
 * that shape and `ElementRef`.
 */
import type { TalkTarget } from "../talk/Talk.ts";
import { cellRef, type ElementRef, emotionRef, readEntityRef } from "./elementRef.ts";

/** The thread target of an element, or null for elements threads cannot be about. */
export function talkTargetOf(ref: ElementRef): TalkTarget | null {
  switch (ref.kind) {
    case "phase":
    case "touchpoint":
    case "card":
      return { kind: ref.kind, id: ref.id };
    case "cell":
      return { kind: "cell", id: `${ref.laneId}/${ref.touchpointId}` };
    case "emotion":
      return { kind: "emotion", id: `${ref.personaId}/${ref.touchpointId}` };
    default:
      return null;
  }
}

/** The element a stored thread target names, or null when the target is malformed. */
export function elementOfTalkTarget(target: TalkTarget): ElementRef | null {
  switch (target.kind) {
    case "cell":
    case "emotion": {
      const slash = target.id.indexOf("/");
      if (slash < 0) return null;
      const first = target.id.slice(0, slash);
      const step = target.id.slice(slash + 1);
      return target.kind === "cell" ? cellRef(first, step) : emotionRef(first, step);
    }
    default:
      return readEntityRef(target.kind, target.id);
  }
}
