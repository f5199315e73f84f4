import type { InputHTMLAttributes } from "react";

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> {
  readonly label: string;
  readonly value: string;
  readonly onText: (text: string) => void;
  readonly testId?: string;
}

/** A labelled input of the sign-in forms (required unless told otherwise). */
export function TextField({ label, value, onText, testId, ...input }: TextFieldProps) {
  return (
    <label className="field">
      {label}
      <input
        required
        value={value}
        data-testid={testId}
        onChange={(e) => onText(e.target.value)}
        {...input}
      />
    </label>
  );
}
