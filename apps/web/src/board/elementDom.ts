/**
 * Board elements in the DOM. Each element carries its element key (@journeymap/schema's
 * `elementKey`) in `data-presence`, named for its first reader (other people's outlines and the
 * e2e tests rely on the name); lane headers carry their lane's id in `data-lane-id`. Selectors
 * and hit-testing of elements go through here: the board's selection, context menus and
 * following, the history's highlights, comment markers and presence outlines.
 */
import { type ElementRef, elementKey, parseElementKey, readEntityRef } from "@journeymap/schema";

const KEY_ATTR = "data-presence";
const LANE_ATTR = "data-lane-id";

/** The CSS selector of whatever carries this element's key (on the board, in the table). */
export function keySelector(ref: ElementRef): string {
  return `[${KEY_ATTR}=${JSON.stringify(elementKey(ref))}]`;
}

/** The CSS selector of an element on the board, or null for what the board does not draw. */
export function elementSelector(ref: ElementRef): string | null {
  switch (ref.kind) {
    case "lane":
      return `[${LANE_ATTR}=${JSON.stringify(ref.id)}]`;
    case "persona":
    case "evidence":
    case "meta":
      return null;
    default:
      return keySelector(ref);
  }
}

/** The element an event happened in (the innermost one with a key, or a lane header), or null. */
export function elementAt(target: EventTarget | null): { ref: ElementRef; el: HTMLElement } | null {
  const el = (target as Element | null)?.closest?.<HTMLElement>(`[${KEY_ATTR}],[${LANE_ATTR}]`);
  if (!el) return null;
  const lane = el.getAttribute(LANE_ATTR);
  const ref =
    lane !== null ? readEntityRef("lane", lane) : parseElementKey(el.getAttribute(KEY_ATTR) ?? "");
  return ref ? { ref, el } : null;
}
