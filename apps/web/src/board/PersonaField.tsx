import { useEffect, useId, useRef, useState } from "react";

/** A text field that writes its value when it loses focus, and follows remote changes. */
export function PersonaField({
  label,
  value,
  multiline,
  placeholder,
  readOnly,
  autoFocus = false,
  onCommit,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  readOnly: boolean;
  /** Focused and selected on mount (the name of a persona just added). */
  autoFocus?: boolean;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Once, on mount: a later re-render must not pull focus back.
  const [focusOnMount] = useState(autoFocus);
  useEffect(() => {
    if (!focusOnMount) return;
    field.current?.focus();
    field.current?.select();
  }, [focusOnMount]);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  const props = {
    id,
    ref: field,
    "data-autofocus": focusOnMount || undefined,
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
