import { useCallback, useRef, useState } from "react";

/** An error as people read it: the server's reason, or the error's own message. */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong.";
}

export interface Action {
  /** True while an action runs (buttons are disabled meanwhile). */
  readonly busy: boolean;
  /** The last action's failure, in words; null after a success. */
  readonly error: string | null;
  /** Runs `action`; resolves true when it succeeded, false when it failed (error is set). */
  readonly run: (action: () => Promise<unknown>) => Promise<boolean>;
  readonly setError: (error: string | null) => void;
}

/**
 * Runs the async actions of a form or a list of buttons: one at a time, busy while it runs,
 * its failure kept as a message (`describe` puts it in words).
 */
export function useAction(describe: (error: unknown) => string = messageOf): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const describeRef = useRef(describe);
  describeRef.current = describe;
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(describeRef.current(e));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
