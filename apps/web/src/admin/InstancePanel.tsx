import type { Instance } from "@journeymap/protocol/http";
import { KeyRound } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { MIN_PASSWORD } from "../api/authClient.ts";
import { type InstanceUser, listInstanceUsers, setUserPassword } from "../api/workspacesClient.ts";
import { authMessage } from "../account/authMessages.ts";
import { useAction } from "../ui/useAction.ts";
import { FormError } from "../ui/FormError.tsx";

/**
 * The server itself, for its admins: how people sign in (single sign-on, sign-up, mail, all
 * set in the environment), and everyone with an account, whose password an admin can set
 * (which signs them out everywhere).
 */
export function InstancePanel({ instance }: { instance: Instance | null }) {
  const [users, setUsers] = useState<readonly InstanceUser[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(authMessage);
  const { run } = action;
  const load = useCallback(() => void run(async () => setUsers(await listInstanceUsers())), [run]);
  useEffect(() => load(), [load]);

  const resetPassword = (user: InstanceUser) => {
    const password = window.prompt(
      `A new password for ${user.name} (at least ${MIN_PASSWORD} characters). They are signed out everywhere and sign in with it.`,
    );
    if (!password) return;
    setDone(null);
    void run(() => setUserPassword(user.id, password)).then(
      (ok) => ok && setDone(`${user.name}'s password is set.`),
    );
  };

  const sso = instance?.singleSignOn;
  return (
    <section className="admin-section" aria-labelledby="admin-instance">
      <h2 id="admin-instance">This server</h2>
      <dl className="admin-status" data-testid="admin.instance">
        <dt>Single sign-on</dt>
        <dd data-testid="admin.sso">
          {sso?.enabled
            ? `On: "Sign in with ${sso.name}" (OpenID Connect)`
            : "Off (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to turn it on)"}
        </dd>
        <dt>Sign-up</dt>
        <dd>
          {instance?.signUp
            ? "Open: anyone can create an account (ALLOW_SIGNUP=false closes it)"
            : "Closed: people join by invitation"}
        </dd>
        <dt>Email</dt>
        <dd>
          {instance?.smtp
            ? "On: people reset their own passwords by email"
            : "Off: admins set passwords here (SMTP_URL and MAIL_FROM turn email on)"}
        </dd>
      </dl>
      <h3>People with an account</h3>
      <FormError error={action.error} />
      {done && (
        <p className="form-note" role="status">
          {done}
        </p>
      )}
      <ul className="admin-list">
        {users.map((u) => (
          <li key={u.id} data-testid="admin.user" data-email={u.email}>
            <span>
              {u.name} · {u.email}
              {u.role === "admin" && <span className="admin-muted"> · server admin</span>}
            </span>
            <button
              type="button"
              className="btn btn--ghost"
              disabled={action.busy}
              onClick={() => resetPassword(u)}
            >
              <KeyRound size={14} aria-hidden="true" /> Set password
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
