import type { Outline } from "@journeymap/protocol/http";

/** Where in the journey, from the live map's steps grouped by phase ("" for not sure). */
export function StepSelect({
  outline,
  value,
  onChange,
}: {
  outline: Outline;
  value: string;
  onChange: (touchpointId: string) => void;
}) {
  return (
    <label className="field">
      <span>Where in the journey?</span>
      <select
        value={value}
        data-testid="contribute.step"
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Not sure</option>
        {outline.phases.map((p) => (
          <optgroup key={p.id} label={p.name}>
            {p.touchpoints.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name || "Untitled step"}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
