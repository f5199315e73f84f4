import { type FormEvent, useState } from "react";
import { signUpWithEmail } from "../api/authClient.ts";
import { navigate, withNext } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { FormError } from "../ui/FormError.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";
import { useAction } from "../ui/useAction.ts";
import { refreshAccount } from "./accountStore.ts";
import { authMessage } from "./authMessages.ts";
import { EmailField } from "./EmailField.tsx";
import { NewPasswordField } from "./NewPasswordField.tsx";
import { TextField } from "./TextField.tsx";

export interface SignUpFormProps {
  readonly next: string;
  /** A fresh instance: this account becomes its admin (the server decides; we say so). */
  readonly firstAdmin?: boolean;
  readonly embedded?: boolean;
}

/** A new email + password account; signed in at once. */
export function SignUpForm({ next, firstAdmin = false, embedded = false }: SignUpFormProps) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction(authMessage);
  const Title = embedded ? "h2" : "h1";
  const title = firstAdmin ? "Create the admin account" : "Create an account";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await signUpWithEmail(name.trim(), email.trim(), password);
      await refreshAccount();
      navigate(next);
    });
  };

  return (
    <>
      <Title>{title}</Title>
      <p className="page-lede">
        {firstAdmin
          ? "Nobody has an account here yet. The first one administers this server: its people, workspaces and sign-in."
          : "Others see your name on the maps you work on."}
      </p>
      <form className="auth-form" onSubmit={submit} aria-label={title}>
        <TextField
          label="Your name"
          autoComplete="name"
          maxLength={60}
          value={name}
          onText={setName}
          testId="auth.name"
        />
        <EmailField value={email} onText={setEmail} />
        <NewPasswordField label="Password" value={password} onText={setPassword} />
        <FormError error={action.error} testId="auth.error" />
        <SubmitButton disabled={action.busy} testId="auth.submit">
          {firstAdmin ? "Create the admin account" : "Create account"}
        </SubmitButton>
      </form>
      {!firstAdmin && (
        <div className="auth-links">
          <span />
          <AppLink href={withNext("/sign-in", next)}>I have an account</AppLink>
        </div>
      )}
    </>
  );
}
