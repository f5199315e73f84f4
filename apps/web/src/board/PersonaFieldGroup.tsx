import { PersonaField } from "./PersonaField.tsx";

/**
 * A titled grid of a persona's profile fields (demographics, psychographics); multi-line fields
 * hold one item per line.
 */
export function PersonaFieldGroup<F extends string>({
  title,
  fields,
  labels,
  values,
  multiline = false,
  readOnly,
  onCommit,
}: {
  title: string;
  fields: readonly F[];
  labels: Readonly<Record<F, string>>;
  values: Readonly<Record<F, string>>;
  multiline?: boolean;
  readOnly: boolean;
  onCommit: (field: F, value: string) => void;
}) {
  return (
    <>
      <h3 className="persona-section">{title}</h3>
      <div className="field-grid">
        {fields.map((field) => (
          <PersonaField
            key={field}
            label={labels[field]}
            value={values[field]}
            multiline={multiline}
            placeholder={multiline ? "One per line" : undefined}
            readOnly={readOnly}
            onCommit={(value) => onCommit(field, value)}
          />
        ))}
      </div>
    </>
  );
}
