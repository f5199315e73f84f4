import type { LucideIcon } from "lucide-react";

/** A header button that opens one tab of the talk panel, with a dot counting what is new there. */
export function TalkToggle({
  icon: Icon,
  title,
  label,
  pressed,
  count,
  testId,
  countTestId,
  onClick,
}: {
  icon: LucideIcon;
  title: string;
  /** The accessible name, which says the count in words. */
  label: string;
  pressed: boolean;
  count: number;
  testId: string;
  countTestId: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="icon-btn talk-btn"
      aria-pressed={pressed}
      aria-label={label}
      title={title}
      data-testid={testId}
      onClick={onClick}
    >
      <Icon size={16} />
      {count > 0 && (
        <span className="count-dot" data-testid={countTestId}>
          {count}
        </span>
      )}
    </button>
  );
}
