/**
 * A board opened at `/maps/<id>?focus=<elementKey>` (a search hit, a card in the library)
 * shows that element: scrolled into view, selected (it takes focus, so our selection and the
 * column window follow, as a click would) and briefly highlighted. The parameter is removed
 * once used, so a reload does not jump again. Elements are found as everything else finds
 * them (elementDom.ts); a column the window has not rendered is scrolled to first, as
 * following does (useFollow.ts). A persona opens in the personas dialog; evidence shows the
 * step or card it backs.
 */
import {
  type ElementRef,
  type JourneyMap,
  parseElementKey,
  readEntityRef,
} from "@journeymap/schema";
import { useEffect } from "react";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { boardColumns, COLUMN_WIDTH, columnKey } from "./columns.ts";
import { columnOfElement, stepOfCard } from "./columnWindow.ts";
import { elementSelector } from "./elementDom.ts";
import { FOCUS_PARAM } from "./focusPath.ts";
import "./focusFromUrl.css";

/** How long the element stays highlighted (ms); the CSS animation lasts as long. */
const FLASH_MS = 2_400;
/** How long we look for the element while the board renders (ms). */
const LOOK_MS = 10_000;

/** What to show for a key: the element itself, or for evidence the step or card it backs. */
function shownRef(ref: ElementRef, map: JourneyMap): ElementRef | null {
  if (ref.kind !== "evidence") return ref;
  const target = map.evidence.find((e) => e.id === ref.id)?.target;
  return target ? readEntityRef(target.kind, target.id) : null;
}

function dropParam(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(FOCUS_PARAM)) return;
  url.searchParams.delete(FOCUS_PARAM);
  window.history.replaceState(window.history.state, "", url);
}

/** Scrolls the board to the element's column when the column window left it out. */
function scrollToColumn(scroller: HTMLElement, ref: ElementRef, map: JourneyMap, zoom: number) {
  const { columns, spans } = boardColumns(map);
  const index = new Map(columns.map((c, i) => [columnKey(c), i]));
  const column = columnOfElement(
    ref,
    (id) => index.get(id) ?? -1,
    (id) => stepOfCard(map, id),
    (id) => spans.find((s) => s.phase.id === id)?.start ?? -1,
  );
  // Past the lane names (sticky), its column is then at the left of the window.
  if (column >= 0) scroller.scrollTo({ left: column * COLUMN_WIDTH * zoom });
}

function select(el: HTMLElement): void {
  el.scrollIntoView({ block: "center", inline: "center" });
  // Focus is the board's selection (useGridEvents): it is published and pins the column.
  if (el.tabIndex < 0 && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: true });
  el.setAttribute("data-focus-flash", "");
  setTimeout(() => el.removeAttribute("data-focus-flash"), FLASH_MS);
}

/** Shows the element named in the URL once the board can (see the module comment). */
export function useFocusFromUrl(zoom: number): void {
  const { reader } = useMapSession();
  const registry = useCommandRegistry();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per board; zoom is read when it runs
  useEffect(() => {
    const key = new URLSearchParams(window.location.search).get(FOCUS_PARAM);
    const ref = key === null ? null : parseElementKey(key);
    if (ref === null) return dropParam();
    if (ref.kind === "persona") {
      dropParam();
      registry.run("persona.editOne", ref);
      return;
    }
    const until = Date.now() + LOOK_MS;
    let frame = 0;
    let scrolled = false;
    const look = () => {
      const map = reader.read();
      const shown = shownRef(ref, map);
      const selector = shown && elementSelector(shown);
      const scroller = document.getElementById("board-scroll");
      if (!selector || Date.now() > until) return dropParam();
      const el = scroller?.querySelector<HTMLElement>(selector);
      if (el) {
        select(el);
        return dropParam();
      }
      if (scroller && !scrolled && shown) {
        scrollToColumn(scroller, shown, map, zoom);
        scrolled = true;
      }
      frame = requestAnimationFrame(look);
    };
    look();
    return () => cancelAnimationFrame(frame);
  }, []);
}

/** The board's mount point for useFocusFromUrl (inside the map session and command registry). */
export function FocusFromUrl({ zoom }: { zoom: number }): null {
  useFocusFromUrl(zoom);
  return null;
}
