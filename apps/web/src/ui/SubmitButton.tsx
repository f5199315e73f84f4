import type { ReactNode } from "react";

/** A form's main button, off while its action runs (or while the form cannot be sent). */
export function SubmitButton({
  disabled = false,
  testId,
  children,
}: {
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className="btn btn--primary" data-testid={testId} disabled={disabled}>
      {children}
    </button>
  );
}
