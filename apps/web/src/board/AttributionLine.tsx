import type { ElementRef } from "@journeymap/schema";
import { useAttributionParts } from "./AttributionContext.ts";
import "./AttributionLine.css";

/**
 * "Added by Ana · 3 days ago · Last changed by Ben · 5 min ago", under a step's menu or in a
 * card's details (issue 16, R6). Asks for the attribution when shown, not before.
 */
export function AttributionLine({ target }: { target: ElementRef }) {
  const parts = useAttributionParts(target) ?? ["Looking up who added this…"];
  return (
    <p className="attribution-line" data-testid="board.attribution" aria-live="polite">
      {parts.map((part, i) => (
        // A line breaks between the parts, never inside one.
        <span key={part}>
          {i > 0 && " · "}
          <span className="attribution-part">{part}</span>
        </span>
      ))}
    </p>
  );
}
