import { type FormEvent, useState } from "react";
import { resetPassword } from "../api/authClient.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { FormError } from "../ui/FormError.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";
import { useAction } from "../ui/useAction.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { authMessage } from "./authMessages.ts";
import { NewPasswordField } from "./NewPasswordField.tsx";
import { TextField } from "./TextField.tsx";

/**
 * The emailed link lands here (better-auth checked its token first and passes it on, or
 * ?error=INVALID_TOKEN). A new password signs the person out everywhere.
 */
export default function ResetPasswordPage() {
  const [params] = useState(() => new URLSearchParams(window.location.search));
  const token = params.get("token");
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction(authMessage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) return action.setError("The two passwords differ.");
    void action.run(async () => {
      await resetPassword(token ?? "", password);
      setDone(true);
    });
  };

  return (
    <AuthLayout>
      <h1>Choose a new password</h1>
      {done ? (
        <p className="form-note" role="status" data-testid="auth.reset-done">
          Your password is changed, and every device was signed out.{" "}
          <AppLink href="/sign-in">Sign in with it</AppLink>
        </p>
      ) : !token || params.get("error") ? (
        <p className="form-error" role="alert">
          This reset link is no longer valid.{" "}
          <AppLink href="/forgot-password">Ask for a new one</AppLink>
        </p>
      ) : (
        <form className="auth-form" onSubmit={submit} aria-label="Choose a new password">
          <NewPasswordField label="New password" value={password} onText={setPassword} />
          <TextField
            label="The same again"
            type="password"
            autoComplete="new-password"
            value={again}
            onText={setAgain}
          />
          <FormError error={action.error} testId="auth.error" />
          <SubmitButton disabled={action.busy} testId="auth.submit">
            Set password
          </SubmitButton>
        </form>
      )}
    </AuthLayout>
  );
}
