import { type FormEvent, useState } from "react";
import { requestPasswordReset } from "../api/authClient.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { FormError } from "../ui/FormError.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";
import { useAction } from "../ui/useAction.ts";
import { useAccount } from "./accountStore.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { authMessage } from "./authMessages.ts";
import { EmailField } from "./EmailField.tsx";

/**
 * Asks for a reset link by email. The answer is the same whether the address has an account
 * or not, and so is what we say. Without mail (no SMTP), an admin resets passwords.
 */
export default function ForgotPasswordPage() {
  const { instance } = useAccount();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const action = useAction(authMessage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await requestPasswordReset(email.trim(), "/reset-password");
      setSent(true);
    });
  };

  return (
    <AuthLayout>
      <h1>Reset your password</h1>
      {instance && !instance.smtp ? (
        <p className="form-note" data-testid="auth.no-mail">
          This server does not send email. Ask an admin of this server to set a new password for
          you.
        </p>
      ) : sent ? (
        <p className="form-note" role="status" data-testid="auth.reset-sent">
          If an account uses {email.trim()}, a link to reset its password is on its way. It works
          for an hour.
        </p>
      ) : (
        <form className="auth-form" onSubmit={submit} aria-label="Reset your password">
          <p className="page-lede">We will email you a link to choose a new password.</p>
          <EmailField value={email} onText={setEmail} />
          <FormError error={action.error} testId="auth.error" />
          <SubmitButton disabled={action.busy} testId="auth.submit">
            Email me a link
          </SubmitButton>
        </form>
      )}
      <div className="auth-links">
        <AppLink href="/sign-in">Back to sign in</AppLink>
      </div>
    </AuthLayout>
  );
}
