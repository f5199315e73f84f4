import type { Persona } from "@journeymap/schema";

/**
 * A curve's persona name beside its last drawn point, in the curve's colour, so no curve is an
 * unlabelled line. The edited curve's name sits above its end, the others' below, so two
 * curves ending on the same score keep readable names.
 */
export function CurveName({
  persona,
  end,
  edited,
}: {
  persona: Persona;
  end: { readonly x: number; readonly y: number } | undefined;
  edited: boolean;
}) {
  if (!end) return null;
  return (
    <text
      x={end.x + 16}
      y={edited ? end.y - 10 : end.y + 18}
      fill={persona.colour}
      className={`emotion-curve-name${edited ? " emotion-curve-name--edited" : ""}`}
      data-testid="board.curve-name"
    >
      {persona.name}
    </text>
  );
}
