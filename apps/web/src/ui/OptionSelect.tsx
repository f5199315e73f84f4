import { Check, ChevronDown } from "lucide-react";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import "./OptionSelect.css";

export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
  /** One line under the label: what choosing it means. */
  readonly hint: string;
}

export interface OptionSelectProps<T extends string> {
  readonly options: readonly SelectOption<T>[];
  readonly value: T;
  readonly onChoose: (value: T) => void;
  /** The accessible name ("Access"). */
  readonly label: string;
  readonly testId?: string;
  readonly disabled?: boolean;
  /** The button shows the label only (in a row of a list); the options keep their hints. */
  readonly compact?: boolean;
}

/**
 * A drop-down in the app's own look whose options explain themselves (a role and what it
 * lets people do), which a native select cannot show. It follows the WAI-ARIA "select-only
 * combobox" pattern: focus stays on the button, arrows move the active option
 * (aria-activedescendant), Enter or Space chooses, Escape closes without choosing, typing a
 * letter jumps to the option that starts with it.
 */
export function OptionSelect<T extends string>(props: OptionSelectProps<T>) {
  const { options, value, onChoose, label, testId, disabled, compact = false } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const chosen = options.find((o) => o.value === value) ?? options[0];
  const openAt = (index: number) => {
    setActive(Math.max(0, Math.min(options.length - 1, index)));
    setOpen(true);
  };
  const choose = (index: number) => {
    const option = options[index];
    setOpen(false);
    if (option && option.value !== value) onChoose(option.value);
  };
  const current = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const move = (index: number) => {
      e.preventDefault();
      if (open) setActive(Math.max(0, Math.min(options.length - 1, index)));
      else openAt(index);
    };
    switch (e.key) {
      case "ArrowDown":
        return move(open ? active + 1 : current);
      case "ArrowUp":
        return move(open ? active - 1 : current);
      case "Home":
        return move(0);
      case "End":
        return move(options.length - 1);
      case "Enter":
      case " ":
        e.preventDefault();
        return open ? choose(active) : openAt(current);
      case "Escape":
        if (!open) return;
        // Only the list closes, not the panel around it.
        e.preventDefault();
        e.stopPropagation();
        return setOpen(false);
      case "Tab":
        return setOpen(false);
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const letter = e.key.toLowerCase();
          const from = open ? active : current;
          const order = [...options.keys()].map((i) => (from + 1 + i) % options.length);
          // By label or by what it is ("v" finds "Can view", whose value is "viewer").
          const found = order.find((i) =>
            [options[i]!.label, options[i]!.value].some((t) => t.toLowerCase().startsWith(letter)),
          );
          if (found !== undefined) move(found);
        }
    }
  };

  return (
    <div className={compact ? "option-select option-select--compact" : "option-select"}>
      <button
        ref={button}
        type="button"
        role="combobox"
        className="option-select-button"
        aria-label={label}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? `${id}-${active}` : undefined}
        data-testid={testId}
        disabled={disabled}
        onClick={() => (open ? setOpen(false) : openAt(current))}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      >
        <span className="option-select-text">
          <span className="option-select-label">{chosen?.label}</span>
          {!compact && <span className="option-select-hint">{chosen?.hint}</span>}
        </span>
        <ChevronDown size={15} aria-hidden="true" />
      </button>
      {/* Options are chosen by pointer here and by keyboard on the combobox, which keeps focus. */}
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={label}
        className="option-select-list"
        hidden={!open}
      >
        {options.map((option, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox handles the keys
          <div
            key={option.value}
            id={`${id}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={option.value === value}
            className={index === active ? "option-select-option is-active" : "option-select-option"}
            data-value={option.value}
            // Before the button's blur closes the list.
            onPointerDown={(e) => e.preventDefault()}
            onPointerEnter={() => setActive(index)}
            onClick={() => choose(index)}
          >
            <span className="option-select-check" aria-hidden="true">
              {option.value === value && <Check size={14} />}
            </span>
            <span className="option-select-text">
              <span className="option-select-label">{option.label}</span>
              <span className="option-select-hint">{option.hint}</span>
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
