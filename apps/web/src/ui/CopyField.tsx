import "./CopyField.css";

/** A read-only address or token, selected on focus, with a Copy button. */
export function CopyField({
  value,
  label,
  testId,
}: {
  value: string;
  label: string;
  testId: string;
}) {
  return (
    <div className="copy-field">
      <input
        readOnly
        value={value}
        aria-label={label}
        data-testid={testId}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" className="btn" onClick={() => navigator.clipboard?.writeText(value)}>
        Copy
      </button>
    </div>
  );
}
