import type { Instance } from "@journeymap/protocol/http";
import { type FormEvent, useState } from "react";
import { signInWithEmail } from "../api/authClient.ts";
import { navigate, withNext } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { FormError } from "../ui/FormError.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";
import { useAction } from "../ui/useAction.ts";
import { refreshAccount } from "./accountStore.ts";
import { authMessage, singleSignOnMessage } from "./authMessages.ts";
import { SingleSignOnButton } from "./SingleSignOnButton.tsx";
import { EmailField } from "./EmailField.tsx";
import { TextField } from "./TextField.tsx";

export interface SignInFormProps {
  readonly instance: Instance | null;
  /** Where to go once signed in (a path of this app). */
  readonly next: string;
  /** On the home page the form is a section (h2); on its own page, the page's title (h1). */
  readonly embedded?: boolean;
}

/** Email and password, or single sign-on when the instance has it. */
export function SignInForm({ instance, next, embedded = false }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction(authMessage);
  // Single sign-on comes back here with ?error=… when the provider or our rules refused.
  const [refused] = useState(() =>
    singleSignOnMessage(new URLSearchParams(window.location.search).get("error")),
  );
  const Title = embedded ? "h2" : "h1";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await signInWithEmail(email.trim(), password);
      await refreshAccount();
      navigate(next);
    });
  };

  return (
    <>
      <Title>Sign in</Title>
      <p className="page-lede">Your maps and workspaces, on any device.</p>
      <form className="auth-form" onSubmit={submit} aria-label="Sign in">
        {instance?.singleSignOn.enabled && (
          <>
            <SingleSignOnButton name={instance.singleSignOn.name} next={next} />
            <div className="auth-or">or with your email</div>
          </>
        )}
        <EmailField value={email} onText={setEmail} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onText={setPassword}
          testId="auth.password"
        />
        <FormError error={action.error ?? refused} testId="auth.error" />
        <SubmitButton disabled={action.busy} testId="auth.submit">
          Sign in
        </SubmitButton>
      </form>
      <div className="auth-links">
        <AppLink href="/forgot-password">Forgot your password?</AppLink>
        {instance?.signUp && <AppLink href={withNext("/sign-up", next)}>Create an account</AppLink>}
      </div>
    </>
  );
}
