import { PALETTE } from "@journeymap/schema";

/** The palette as a row of swatches, the chosen one pressed. */
export function PersonaColourField({
  colour,
  disabled = false,
  onChoose,
}: {
  colour: string;
  disabled?: boolean;
  onChoose: (colour: string) => void;
}) {
  return (
    <fieldset className="colour-field" disabled={disabled}>
      <legend>Colour</legend>
      {PALETTE.map((c) => (
        <button
          key={c}
          type="button"
          className="colour-swatch"
          style={{ background: c }}
          aria-label={`Colour ${c}`}
          aria-pressed={colour === c}
          onClick={() => onChoose(c)}
        />
      ))}
    </fieldset>
  );
}
