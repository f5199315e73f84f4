/**
 * Questions that need a yes before something hard to take back happens (deleting a phase,
 * removing a person, restoring a whole version). Anything, React or not (board commands run
 * outside components), asks with `askToConfirm`; the one `ConfirmHost` mounted by the app shows
 * them one at a time. The browser's own confirm() blocked the page, could not be styled, and
 * could be switched off by the browser ("prevent this page from creating dialogs").
 */

export interface ConfirmOptions {
  readonly title: string;
  /** One or two sentences: what happens, and whether it can be undone. */
  readonly body?: string;
  /** The button that does it, a verb: "Delete phase". */
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  /** Styles the confirm button as destructive (the default: most questions are about deleting). */
  readonly destructive?: boolean;
}

export interface ConfirmRequest extends ConfirmOptions {
  readonly id: number;
}

interface Waiting {
  readonly request: ConfirmRequest;
  readonly answer: (yes: boolean) => void;
}

let waiting: readonly Waiting[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function changed(next: readonly Waiting[]): void {
  waiting = next;
  for (const listener of listeners) listener();
}

/** Asks; resolves true when the person confirms, false when they cancel or dismiss. */
export function askToConfirm(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    changed([...waiting, { request: { ...options, id: nextId++ }, answer: resolve }]);
  });
}

/** The question on screen (the oldest one not yet answered), or null. */
export function currentConfirmation(): ConfirmRequest | null {
  return waiting[0]?.request ?? null;
}

/** Answers the question `id`; later answers to the same question do nothing. */
export function answerConfirmation(id: number, yes: boolean): void {
  const found = waiting.find((w) => w.request.id === id);
  if (!found) return;
  changed(waiting.filter((w) => w !== found));
  found.answer(yes);
}

export function subscribeToConfirmations(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
