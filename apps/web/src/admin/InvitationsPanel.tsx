import { WORKSPACE_ROLE, type WorkspaceRole } from "@journeymap/protocol";
import { Link2, Send, X } from "lucide-react";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { authMessage } from "../account/authMessages.ts";
import {
  cancelInvitation,
  type Invitation,
  invitationUrl,
  inviteMember,
  listInvitations,
} from "../api/workspacesClient.ts";
import { formatDate } from "../ui/formatDate.ts";
import { useAction } from "../ui/useAction.ts";
import { WORKSPACE_ROLE_LABELS } from "../ui/roleLabels.ts";
import { FormError } from "../ui/FormError.tsx";
import { ChoiceSelect } from "../ui/ChoiceSelect.tsx";
import { CopyField } from "../ui/CopyField.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";

/**
 * Invitations to a workspace: send one (the person sees it on their map list once they sign
 * in or sign up with that email), see those pending, revoke one.
 */
export function InvitationsPanel({ workspaceId }: { workspaceId: string }) {
  const [invitations, setInvitations] = useState<readonly Invitation[]>([]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<WorkspaceRole>(WORKSPACE_ROLE.member);
  const [latest, setLatest] = useState<{ email: string; url: string } | null>(null);
  const action = useAction(authMessage);
  const { run } = action;
  const load = useCallback(
    () =>
      void run(async () =>
        setInvitations((await listInvitations(workspaceId)).filter((i) => i.status === "pending")),
      ),
    [run, workspaceId],
  );
  useEffect(() => load(), [load]);

  const invite = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const sent = await inviteMember(workspaceId, email.trim(), role);
      setLatest({ email: sent.email, url: invitationUrl(sent.id) });
      setEmail("");
    }).then(load);
  };

  return (
    <section className="admin-section" aria-labelledby="admin-invitations">
      <h2 id="admin-invitations">Invitations</h2>
      <form className="admin-row" onSubmit={invite} aria-label="Invite someone">
        <input
          type="email"
          required
          placeholder="name@example.com"
          aria-label="Email to invite"
          data-testid="admin.invite-email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <ChoiceSelect
          aria-label="Role of the invited person"
          data-testid="admin.invite-role"
          labels={WORKSPACE_ROLE_LABELS}
          value={role}
          onChoose={setRole}
        />
        <SubmitButton disabled={action.busy} testId="admin.invite">
          <Send size={14} aria-hidden="true" /> Invite
        </SubmitButton>
      </form>
      {latest && (
        <div className="admin-fields">
          <p className="admin-muted">
            Send {latest.email} this link: they join once signed in with that email.
          </p>
          <CopyField value={latest.url} label="Invitation link" testId="admin.invite-link" />
        </div>
      )}
      <FormError error={action.error} />
      {invitations.length === 0 ? (
        <p className="admin-muted">No invitations pending.</p>
      ) : (
        <ul className="admin-list">
          {invitations.map((i) => (
            <li key={i.id} data-testid="admin.invitation" data-email={i.email}>
              <span>
                {i.email} · {i.role} · expires {formatDate(Date.parse(i.expiresAt))}
              </span>
              <button
                type="button"
                className="btn btn--ghost"
                title="Copy the link that accepts it"
                onClick={() => navigator.clipboard?.writeText(invitationUrl(i.id))}
              >
                <Link2 size={14} aria-hidden="true" /> Copy link
              </button>
              <button
                type="button"
                className="btn btn--ghost"
                data-testid="admin.invitation-revoke"
                disabled={action.busy}
                onClick={() => void run(() => cancelInvitation(i.id)).then(load)}
              >
                <X size={14} aria-hidden="true" /> Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
