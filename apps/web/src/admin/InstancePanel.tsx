import type { Instance } from "@journeymap/protocol/http";
import { KeyRound } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { type InstanceUser, listInstanceUsers, setUserPassword } from "../api/workspacesClient.ts";
import { authMessage } from "../account/authMessages.ts";
import { useAction } from "../ui/useAction.ts";
import { FormError } from "../ui/FormError.tsx";
import { PasswordForm } from "./PasswordForm.tsx";

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

  // Set in the row itself (a password field, not the browser's prompt, which showed it as text).
  const [setting, setSetting] = useState<string | null>(null);
  const resetPassword = (user: InstanceUser, password: string) => {
    setDone(null);
    void run(() => setUserPassword(user.id, password)).then((ok) => {
      if (!ok) return;
      setSetting(null);
      setDone(`${user.name}'s password is set.`);
    });
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
            {setting === u.id ? (
              <PasswordForm
                user={u}
                busy={action.busy}
                onSet={(password) => resetPassword(u, password)}
                onCancel={() => setSetting(null)}
              />
            ) : (
              <button
                type="button"
                className="btn btn--ghost"
                disabled={action.busy}
                onClick={() => setSetting(u.id)}
              >
                <KeyRound size={14} aria-hidden="true" /> Set password
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
