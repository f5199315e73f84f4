import type { SelectHTMLAttributes } from "react";

export interface ChoiceSelectProps<T extends string>
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> {
  /** What each choice says; the choices are its keys, in order, unless `choices` narrows them. */
  readonly labels: Readonly<Record<T, string>>;
  readonly choices?: readonly T[];
  readonly value: T;
  readonly onChoose: (choice: T) => void;
}

/** A drop-down of a fixed set of choices (roles, orders), typed by them. */
export function ChoiceSelect<T extends string>({
  labels,
  choices = Object.keys(labels) as T[],
  value,
  onChoose,
  ...rest
}: ChoiceSelectProps<T>) {
  return (
    <select
      value={value}
      onChange={(e) => {
        const chosen = choices.find((c) => c === e.target.value);
        if (chosen !== undefined) onChoose(chosen);
      }}
      {...rest}
    >
      {choices.map((c) => (
        <option key={c} value={c}>
          {labels[c]}
        </option>
      ))}
    </select>
  );
}
