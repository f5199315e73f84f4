import { acceptInvitation, declineInvitation } from "../api/workspacesClient.ts";
import { ActionButton } from "../ui/ActionButton.tsx";
import type { Action } from "../ui/useAction.ts";
import { refreshAccount } from "./accountStore.ts";

export interface InvitationChoiceProps {
  readonly invitationId: string;
  readonly action: Action;
  /** "Join" or "Join Acme". */
  readonly joinLabel: string;
  /** Joined (the workspace's id) or declined (null). */
  readonly onDone: (joinedWorkspaceId: string | null) => void;
}

/** Join a workspace one is invited to, or decline. */
export function InvitationChoice({
  invitationId,
  action,
  joinLabel,
  onDone,
}: InvitationChoiceProps) {
  let joined: string | null = null;
  return (
    <>
      <ActionButton
        action={action}
        look="primary"
        testId="invitation.accept"
        run={async () => {
          joined = (await acceptInvitation(invitationId)).invitation.organizationId;
          await refreshAccount();
        }}
        then={(ok) => ok && onDone(joined)}
      >
        {joinLabel}
      </ActionButton>
      <ActionButton
        action={action}
        look="ghost"
        run={() => declineInvitation(invitationId)}
        then={(ok) => ok && onDone(null)}
      >
        Decline
      </ActionButton>
    </>
  );
}
