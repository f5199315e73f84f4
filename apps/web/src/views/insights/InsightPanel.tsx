import type { ReactNode } from "react";

export interface InsightPanelProps {
  readonly title: string;
  /** Its heading's id; the test id is `views.<id>`. */
  readonly id: string;
  readonly children: ReactNode;
  /** Spans the whole grid. */
  readonly wide?: boolean;
  readonly note?: string;
}

/** One titled panel of the insights grid. */
export function InsightPanel({ title, id, children, wide, note }: InsightPanelProps) {
  return (
    <section
      className={`iv-panel ${wide ? "iv-panel--wide" : ""}`}
      aria-labelledby={id}
      data-testid={`views.${id}`}
    >
      <h2 id={id} className="iv-title">
        {title}
      </h2>
      {note && <p className="iv-note">{note}</p>}
      {children}
    </section>
  );
}
