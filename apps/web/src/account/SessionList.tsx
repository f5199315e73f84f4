import { useCallback, useEffect, useState } from "react";
import {
  currentSessionId,
  listSessions,
  revokeSession,
  type SessionRow,
} from "../api/authClient.ts";
import { formatDate } from "../ui/formatDate.ts";
import { useAction } from "../ui/useAction.ts";
import { authMessage } from "./authMessages.ts";
import { deviceLabel } from "./deviceLabel.ts";
import { FormError } from "../ui/FormError.tsx";

/** Where I am signed in: each device with a way to sign it out (this one is marked). */
export function SessionList() {
  const [sessions, setSessions] = useState<readonly SessionRow[] | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const action = useAction(authMessage);
  const { run } = action;

  const load = useCallback(
    () =>
      run(async () => {
        const [list, mine] = await Promise.all([listSessions(), currentSessionId()]);
        setCurrent(mine);
        setSessions([...list].sort((a, b) => Number(b.id === mine) - Number(a.id === mine)));
      }),
    [run],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-label="Where you're signed in">
      <h3 className="menu-heading">Where you're signed in</h3>
      {sessions === null && !action.error && <p className="panel-note">Loading…</p>}
      <ul className="row-list session-list" data-testid="account.sessions">
        {sessions?.map((s) => (
          <li key={s.id} data-testid="account.session">
            <span>
              {deviceLabel(s.userAgent)}
              {s.id === current ? (
                <strong> · this device</strong>
              ) : (
                <span className="panel-note"> · since {formatDate(Date.parse(s.createdAt))}</span>
              )}
            </span>
            {s.id !== current && s.token && (
              <button
                type="button"
                className="btn btn--ghost"
                disabled={action.busy}
                onClick={() => void run(() => revokeSession(s.token ?? "")).then(load)}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={action.error} />
    </section>
  );
}
