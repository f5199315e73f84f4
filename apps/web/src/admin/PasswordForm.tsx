import type { InstanceUser } from "../api/workspacesClient.ts";
import { MIN_PASSWORD } from "../api/authClient.ts";

/** A new password for someone, set by a server admin: they are signed out everywhere. */
export function PasswordForm({
  user,
  busy,
  onSet,
  onCancel,
}: {
  user: InstanceUser;
  busy: boolean;
  onSet: (password: string) => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="admin-password"
      onSubmit={(e) => {
        e.preventDefault();
        const password = new FormData(e.currentTarget).get("password");
        if (typeof password === "string" && password.length >= MIN_PASSWORD) onSet(password);
      }}
    >
      <input
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        required
        // biome-ignore lint/a11y/noAutofocus: the field the person just asked for
        autoFocus
        aria-label={`New password for ${user.name}`}
        title={`At least ${MIN_PASSWORD} characters. ${user.name} is signed out everywhere and signs in with it.`}
        placeholder={`At least ${MIN_PASSWORD} characters`}
        onKeyDown={(e) => e.key === "Escape" && onCancel()}
      />
      <button type="submit" className="btn" disabled={busy}>
        Set
      </button>
      <button type="button" className="btn btn--ghost" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
