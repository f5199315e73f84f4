import { useCallback, useEffect, useState } from "react";
import { authMessage } from "../account/authMessages.ts";
import { InvitationChoice } from "../account/InvitationChoice.tsx";
import { type Invitation, myInvitations } from "../api/workspacesClient.ts";
import { useAction } from "../ui/useAction.ts";
import { FormError } from "../ui/FormError.tsx";

/** Invitations to workspaces waiting for me: join (the workspace is shown) or decline. */
export function InvitationsBanner({ onJoined }: { onJoined: (workspaceId: string) => void }) {
  const [invitations, setInvitations] = useState<readonly Invitation[]>([]);
  const action = useAction(authMessage);
  const load = useCallback(() => {
    myInvitations().then(
      (all) => setInvitations(all.filter((i) => i.status === "pending")),
      () => setInvitations([]),
    );
  }, []);
  useEffect(() => load(), [load]);

  if (invitations.length === 0) return null;
  return (
    <section className="invitations" aria-label="Invitations" data-testid="maps.invitations">
      {invitations.map((invitation) => (
        <div key={invitation.id} className="invitation" data-testid="maps.invitation">
          <span>
            You are invited to <strong>{invitation.organizationName ?? "a workspace"}</strong> as{" "}
            {invitation.role}.
          </span>
          <InvitationChoice
            invitationId={invitation.id}
            action={action}
            joinLabel="Join"
            onDone={(joined) => {
              load();
              if (joined) onJoined(joined);
            }}
          />
        </div>
      ))}
      <FormError error={action.error} />
    </section>
  );
}
