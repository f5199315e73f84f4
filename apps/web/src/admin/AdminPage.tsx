import { WORKSPACE_ROLE } from "@journeymap/protocol";
import { useState } from "react";
import { administers, useAccount } from "../account/accountStore.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { InstancePanel } from "./InstancePanel.tsx";
import { InvitationsPanel } from "./InvitationsPanel.tsx";
import { MembersPanel } from "./MembersPanel.tsx";
import { WorkspacePolicy } from "./WorkspacePolicy.tsx";
import { WorkspaceWebhooks } from "../webhooks/ScopedWebhooks.tsx";
import "./AdminPage.css";

/**
 * /admin: for a workspace's admins, its members, invitations and rules; for the server's
 * admins, also how people sign in and everyone's accounts.
 */
export default function AdminPage() {
  const { me, instance } = useAccount();
  const administered = me?.workspaces.filter((w) => w.role === WORKSPACE_ROLE.admin) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const workspace = administered.find((w) => w.id === chosen) ?? administered[0] ?? null;

  if (me === undefined) return null;
  if (me === null || !administers(me)) {
    return (
      <div className="page">
        <h1>Admin</h1>
        <p className="notice" role="alert">
          {me === null ? (
            <>
              <AppLink href="/sign-in?next=/admin">Sign in</AppLink> as an admin to see this page.
            </>
          ) : (
            "This page is for the admins of a workspace or of this server."
          )}
        </p>
      </div>
    );
  }

  return (
    <div className="page admin-page">
      <div className="admin-head">
        <h1>Admin</h1>
        {administered.length > 0 && workspace && (
          <select
            aria-label="Workspace to manage"
            data-testid="admin.workspace"
            value={workspace.id}
            onChange={(e) => setChosen(e.target.value)}
          >
            {administered.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {workspace ? (
        <div key={workspace.id} className="admin-grid">
          <MembersPanel me={me} workspaceId={workspace.id} />
          <InvitationsPanel workspaceId={workspace.id} />
          <WorkspacePolicy workspaceId={workspace.id} />
          <section className="admin-section" aria-labelledby="admin-webhooks">
            <h2 id="admin-webhooks">Webhooks</h2>
            <WorkspaceWebhooks workspaceId={workspace.id} />
          </section>
        </div>
      ) : (
        <p className="admin-muted">You administer no workspace yet.</p>
      )}
      {me.user.admin && <InstancePanel instance={instance} />}
    </div>
  );
}
