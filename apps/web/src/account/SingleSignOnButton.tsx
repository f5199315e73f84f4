import { KeyRound } from "lucide-react";
import { startSingleSignOn } from "../api/authClient.ts";
import { useAction } from "../ui/useAction.ts";
import { authMessage } from "./authMessages.ts";
import { FormError } from "../ui/FormError.tsx";

/**
 * "Sign in with <provider>": better-auth answers with the provider's sign-in page, which sends
 * the browser back to `next` once signed in (or to the sign-in page with ?error=…).
 */
export function SingleSignOnButton({ name, next }: { name: string; next: string }) {
  const action = useAction(authMessage);
  const start = () =>
    action.run(async () => {
      const { url } = await startSingleSignOn(next, "/sign-in");
      if (!url) throw new Error("Single sign-on did not start. Try again.");
      window.location.assign(url);
    });
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="auth.sso"
        disabled={action.busy}
        onClick={() => void start()}
      >
        <KeyRound size={14} aria-hidden="true" /> Sign in with {name}
      </button>
      <FormError error={action.error} />
    </>
  );
}
