import type { Touchpoint, Transition } from "@journeymap/schema";
import { ArrowRight } from "lucide-react";
import type { ReactNode } from "react";

export interface TransitionListProps {
  readonly items: readonly Transition[];
  readonly steps: ReadonlyMap<string, Touchpoint>;
  /** Draws one side of a transition (a channel, a team). */
  readonly render: (value: string) => ReactNode;
  readonly empty: string;
  readonly testId: string;
}

/** Changes from one step to the next (channel switches, hand-offs): before → after, and where. */
export function TransitionList({ items, steps, render, empty, testId }: TransitionListProps) {
  if (items.length === 0) return <p className="iv-empty">{empty}</p>;
  return (
    <ol className="iv-transitions" data-testid={testId}>
      {items.map((t) => (
        <li key={`${t.from}-${t.to}`}>
          <span className="iv-transition-values">
            {render(t.before)}
            <ArrowRight size={13} aria-label="to" className="iv-arrow" />
            {render(t.after)}
          </span>
          <span className="iv-transition-steps">
            {steps.get(t.from)?.name} → {steps.get(t.to)?.name}
          </span>
        </li>
      ))}
    </ol>
  );
}
