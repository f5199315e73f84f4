import type { ReactNode } from "react";

/** A link or token in a list: what it is, and Revoke. */
export function LinkRow({
  onRevoke,
  busy,
  testId,
  children,
}: {
  onRevoke: () => void;
  busy: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <li data-testid={testId}>
      <span>{children}</span>
      <button type="button" className="btn btn--ghost" disabled={busy} onClick={onRevoke}>
        Revoke
      </button>
    </li>
  );
}
