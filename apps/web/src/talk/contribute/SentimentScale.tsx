import { EMOTION_LABELS } from "@journeymap/schema";
import { SCORES, scoreText } from "./contribution.ts";

/** How the customer felt, on the map's emotion scale, or "Don't know". */
export function SentimentScale({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (sentiment: number | null) => void;
}) {
  return (
    <fieldset>
      <legend>How did the customer feel?</legend>
      <div className="chips chips--scale">
        {SCORES.map((s) => (
          <label key={s} className={`chip chip--score chip--s${s}`} title={EMOTION_LABELS[s]}>
            <input
              type="radio"
              name="sentiment"
              value={s}
              checked={value === s}
              onChange={() => onChange(s)}
            />
            {scoreText(s)}
          </label>
        ))}
        <label className="chip">
          <input
            type="radio"
            name="sentiment"
            checked={value === null}
            onChange={() => onChange(null)}
          />
          Don't know
        </label>
      </div>
      <p className="field-hint">{value === null ? "Optional" : EMOTION_LABELS[value]}</p>
    </fieldset>
  );
}
