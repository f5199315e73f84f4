import { type FormEvent, useState } from "react";
import { withNext } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { TextField } from "./TextField.tsx";

/**
 * Asked of a guest who came by a link, before the board opens: the name others will see on
 * their edits and comments, marked as a guest's. Or sign in, and be your account.
 */
export function GuestNameDialog({
  mapId,
  onName,
}: {
  mapId: string;
  onName: (name: string) => void;
}) {
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onName(name);
  };
  return (
    <AuthLayout>
      <div role="dialog" aria-labelledby="guest-name-title">
        <h1 id="guest-name-title">Who are you?</h1>
        <p className="page-lede">
          People on this map see your name on your edits and comments, marked as a guest's.
        </p>
        <form className="auth-form" onSubmit={submit} aria-label="Your name">
          <TextField
            label="Your name"
            maxLength={40}
            autoComplete="name"
            autoFocus
            value={name}
            onText={setName}
            testId="guest.name"
          />
          <SubmitButton testId="guest.continue">Continue as a guest</SubmitButton>
        </form>
        <div className="auth-links">
          <span />
          <AppLink href={withNext("/sign-in", `/maps/${mapId}`)}>Sign in instead</AppLink>
        </div>
      </div>
    </AuthLayout>
  );
}
