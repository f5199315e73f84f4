import { type KeyboardEvent, useEffect, useRef, useSyncExternalStore } from "react";
import {
  answerConfirmation,
  type ConfirmRequest,
  currentConfirmation,
  subscribeToConfirmations,
} from "./confirmRequests.ts";
import "./ConfirmDialog.css";

/**
 * Shows the questions asked with `askToConfirm`, one at a time; mounted once by the app. A
 * fresh dialog per question (key), so each opens with its own focus and answer.
 */
export function ConfirmHost() {
  const request = useSyncExternalStore(subscribeToConfirmations, currentConfirmation);
  return request ? <ConfirmDialog key={request.id} request={request} /> : null;
}

/**
 * Tab and Shift+Tab go round the dialog's buttons. A modal dialog makes the page inert, but
 * Chromium still lets Tab leave it for the browser's own toolbar, from where focus comes back
 * to the page's body, behind the dialog.
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>("button:not(:disabled)")];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal `<dialog>` (the page behind is inert, so focus stays inside it) with the role of an
 * alert dialog. It opens on Cancel, the safe choice; Tab stays inside; Escape cancels; focus goes back to what
 * had it before (the button or menu that asked), if that is still on the page.
 */
function ConfirmDialog({ request }: { request: ConfirmRequest }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    cancel.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  const answer = (yes: boolean) => answerConfirmation(request.id, yes);
  const titleId = `confirm-title-${request.id}`;
  const bodyId = `confirm-body-${request.id}`;
  const destructive = request.destructive ?? true;
  return (
    <dialog
      ref={dialog}
      className="dialog confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={request.body ? bodyId : undefined}
      data-testid="confirm.dialog"
      // Escape (the dialog's cancel event) and any other close: the answer is no.
      onClose={() => answer(false)}
      onKeyDown={keepTabInside}
    >
      <h2 id={titleId} className="confirm-title">
        {request.title}
      </h2>
      {request.body && (
        <p id={bodyId} className="confirm-body">
          {request.body}
        </p>
      )}
      <div className="confirm-actions">
        <button
          ref={cancel}
          type="button"
          className="btn"
          data-testid="confirm.cancel"
          onClick={() => answer(false)}
        >
          {request.cancelLabel ?? "Cancel"}
        </button>
        <button
          type="button"
          className={destructive ? "btn btn--danger" : "btn btn--primary"}
          data-testid="confirm.ok"
          onClick={() => answer(true)}
        >
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
