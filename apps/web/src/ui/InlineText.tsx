import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useReadOnly } from "./ReadOnlyContext.ts";

export interface InlineTextProps {
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly label: string;
  readonly placeholder?: string;
  readonly className?: string;
  readonly testId?: string;
  /** Allow an empty value to be committed (otherwise an empty edit is cancelled). */
  readonly allowEmpty?: boolean;
  readonly multiline?: boolean;
  readonly autoEdit?: boolean;
  /** Shown as plain text, not editable (read-only sessions). */
  readonly disabled?: boolean;
}

/**
 * Text that becomes an input on click or Enter: Enter (or blur) commits, Escape cancels.
 * The committed value goes to the caller, which writes it through the schema API.
 */
export function InlineText({
  value,
  onCommit,
  label,
  placeholder = "",
  className = "",
  testId,
  allowEmpty = false,
  multiline = false,
  autoEdit = false,
  disabled: disabledProp = false,
}: InlineTextProps) {
  const disabled = useReadOnly() || disabledProp;
  const [editing, setEditing] = useState(autoEdit);
  const [draft, setDraft] = useState(value);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const displayRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (editing) {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [editing]);

  const start = () => {
    setDraft(value);
    setEditing(true);
  };
  const finish = (commit: boolean) => {
    setEditing(false);
    const next = draft.trim();
    if (commit && next !== value && (allowEmpty || next !== "")) onCommit(next);
    queueMicrotask(() => displayRef.current?.focus());
  };
  const handleKey = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Enter" && !(multiline && event.shiftKey)) {
      event.preventDefault();
      finish(true);
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(false);
    }
  };

  if (disabled) {
    return (
      <span
        className={`${value ? "" : "inline-text--placeholder"} ${className}`}
        data-testid={testId}
      >
        {value}
      </span>
    );
  }
  if (editing) {
    const common = {
      ref: inputRef,
      className: "inline-input",
      value: draft,
      "aria-label": label,
      onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
      onKeyDown: handleKey,
      onBlur: () => finish(true),
      "data-testid": testId ? `${testId}-input` : undefined,
    };
    return multiline ? <textarea rows={2} {...common} /> : <input {...common} />;
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: inline text must wrap like text, not a button
    <span
      ref={displayRef}
      role="button"
      tabIndex={0}
      aria-label={`${label}: ${value || placeholder}. Press Enter to edit`}
      className={`inline-text ${value ? "" : "inline-text--placeholder"} ${className}`}
      data-testid={testId}
      onClick={start}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === "F2") {
          e.preventDefault();
          e.stopPropagation();
          start();
        }
      }}
    >
      {value || placeholder}
    </span>
  );
}
