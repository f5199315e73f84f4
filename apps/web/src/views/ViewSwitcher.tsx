import { ChartColumn, type LucideIcon, SquareKanban, Table2 } from "lucide-react";
import { type KeyboardEvent, useRef } from "react";
import { VIEWS, type View } from "./viewParam.ts";
import "./ViewSwitcher.css";

const LABELS: Readonly<Record<View, { label: string; Icon: LucideIcon }>> = {
  board: { label: "Board", Icon: SquareKanban },
  table: { label: "Table", Icon: Table2 },
  insights: { label: "Insights", Icon: ChartColumn },
};

export const VIEW_PANEL_ID = "view-panel";
export const viewTabId = (view: View) => `view-tab-${view}`;

/**
 * Board | Table | Insights as an ARIA tablist: one tab stop, arrows (and Home/End) move
 * between the tabs and select them at once, as the APG tabs pattern with automatic activation.
 */
export function ViewSwitcher({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const refs = useRef(new Map<View, HTMLButtonElement>());
  const go = (next: View) => {
    onChange(next);
    refs.current.get(next)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    const last = VIEWS.length - 1;
    const target =
      e.key === "ArrowRight"
        ? VIEWS[i === last ? 0 : i + 1]
        : e.key === "ArrowLeft"
          ? VIEWS[i === 0 ? last : i - 1]
          : e.key === "Home"
            ? VIEWS[0]
            : e.key === "End"
              ? VIEWS[last]
              : undefined;
    if (!target) return;
    e.preventDefault();
    go(target);
  };
  return (
    <div
      className="view-switcher"
      role="tablist"
      aria-label="Views of the map"
      onKeyDown={onKeyDown}
    >
      {VIEWS.map((v) => {
        const { label, Icon } = LABELS[v];
        const selected = v === view;
        return (
          <button
            key={v}
            ref={(el) => {
              if (el) refs.current.set(v, el);
              else refs.current.delete(v);
            }}
            type="button"
            role="tab"
            id={viewTabId(v)}
            className="view-tab"
            aria-selected={selected}
            aria-controls={VIEW_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            data-testid={`views.tab-${v}`}
            onClick={() => go(v)}
          >
            <Icon size={15} aria-hidden="true" />
            {label}
          </button>
        );
      })}
    </div>
  );
}
