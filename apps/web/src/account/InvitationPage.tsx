import { useEffect, useState } from "react";
import { getInvitation } from "../api/workspacesClient.ts";
import { WORKSPACE_STORAGE_KEY } from "../maps/useChosenWorkspace.ts";
import { navigate, withNext } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { FormError } from "../ui/FormError.tsx";
import { useAction } from "../ui/useAction.ts";
import { useAccount } from "./accountStore.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { authMessage } from "./authMessages.ts";
import { InvitationChoice } from "./InvitationChoice.tsx";

type Shown = { readonly workspace: string; readonly role: string; readonly from: string | null };

/**
 * /invitations/<id>, the link an invited person gets: signed in with the invited email, join
 * the workspace (or decline); signed out, sign in or up first and come back here.
 */
export default function InvitationPage({ invitationId }: { invitationId: string }) {
  const { me, instance } = useAccount();
  const [shown, setShown] = useState<Shown | null>(null);
  const action = useAction(authMessage);
  const { run } = action;
  const here = `/invitations/${invitationId}`;

  useEffect(() => {
    if (!me) return;
    void run(async () => {
      const invitation = await getInvitation(invitationId);
      setShown({
        workspace: invitation.organizationName ?? "a workspace",
        role: invitation.role,
        from: invitation.inviterEmail ?? null,
      });
    });
  }, [me, invitationId, run]);

  return (
    <AuthLayout>
      <h1>An invitation</h1>
      {me === null && (
        <>
          <p className="page-lede">Sign in with the email the invitation was sent to, then join.</p>
          <div className="auth-links">
            <AppLink href={withNext("/sign-in", here)}>Sign in</AppLink>
            {instance?.signUp !== false && (
              <AppLink href={withNext("/sign-up", here)}>Create an account</AppLink>
            )}
          </div>
        </>
      )}
      {shown && (
        <div className="auth-form" data-testid="invitation.shown">
          <p className="page-lede">
            {shown.from ?? "Someone"} invites you to <strong>{shown.workspace}</strong> as{" "}
            {shown.role}.
          </p>
          <InvitationChoice
            invitationId={invitationId}
            action={action}
            joinLabel={`Join ${shown.workspace}`}
            onDone={(joined) => {
              if (joined) localStorage.setItem(WORKSPACE_STORAGE_KEY, joined);
              navigate("/");
            }}
          />
        </div>
      )}
      <FormError error={action.error} testId="invitation.error" />
    </AuthLayout>
  );
}
