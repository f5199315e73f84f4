/**
 * A stale item's age on hover (issue 18): one pointer listener for the whole board finds the
 * item under the pointer (board/elementDom.ts) and, when it is stale, shows how long since it
 * was last reviewed, who changed it and who verified it. No component per cell takes part.
 */
import { elementKey } from "@journeymap/schema";
import { useContext, useEffect, useState } from "react";
import { elementAt } from "../board/elementDom.ts";
import { staleLine } from "./ageText.ts";
import { FreshnessContext } from "./useFreshness.ts";

interface Shown {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export function FreshnessHover() {
  const store = useContext(FreshnessContext);
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    if (!store) return;
    const handleOver = (event: PointerEvent) => {
      const found = elementAt(event.target);
      const item = found ? store.read()?.byKey.get(elementKey(found.ref)) : undefined;
      if (!found || !item?.stale) {
        setShown(null);
        return;
      }
      const box = found.el.getBoundingClientRect();
      setShown({ text: staleLine(item), x: box.left, y: box.bottom + 4 });
    };
    const hide = () => setShown(null);
    document.addEventListener("pointerover", handleOver);
    document.addEventListener("scroll", hide, true);
    return () => {
      document.removeEventListener("pointerover", handleOver);
      document.removeEventListener("scroll", hide, true);
    };
  }, [store]);
  if (!shown) return null;
  const left = Math.max(8, Math.min(shown.x, window.innerWidth - 328));
  const top = Math.min(shown.y, window.innerHeight - 64);
  return (
    <div
      className="freshness-tooltip"
      role="tooltip"
      data-testid="freshness.tooltip"
      style={{ left, top }}
    >
      {shown.text}
    </div>
  );
}
