import { useEffect, useId, useState } from "react";

/** A text field that writes its value when it loses focus, and follows remote changes. */
export function PersonaField({
  label,
  value,
  multiline,
  placeholder,
  readOnly,
  onCommit,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  readOnly: boolean;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  const props = {
    id,
    value: draft,
    placeholder,
    readOnly,
    onFocus: () => setFocused(true),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      setFocused(false);
      if (draft !== value) onCommit(draft);
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
    </div>
  );
}
