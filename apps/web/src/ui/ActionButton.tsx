import type { ReactNode } from "react";
import type { Action } from "./useAction.ts";

export interface ActionButtonProps {
  /** The action state it runs in (off while any of its actions runs; failures shown by its owner). */
  readonly action: Action;
  readonly run: () => Promise<unknown>;
  /** After the run, whether it succeeded or not (reload a list…). */
  readonly then?: (ok: boolean) => void;
  readonly look?: "primary" | "ghost" | "plain";
  readonly testId?: string;
  readonly title?: string;
  readonly children: ReactNode;
}

const CLASS = { primary: "btn btn--primary", ghost: "btn btn--ghost", plain: "btn" } as const;

/** A button that runs an async action (sign out, join, revoke…). */
export function ActionButton({
  action,
  run,
  then,
  look = "plain",
  testId,
  title,
  children,
}: ActionButtonProps) {
  return (
    <button
      type="button"
      className={CLASS[look]}
      data-testid={testId}
      title={title}
      disabled={action.busy}
      onClick={() => void action.run(run).then((ok) => then?.(ok))}
    >
      {children}
    </button>
  );
}
