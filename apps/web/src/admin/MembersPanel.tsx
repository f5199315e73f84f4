import { isWorkspaceRole, WORKSPACE_ROLE } from "@journeymap/protocol";
import type { Me } from "@journeymap/protocol/http";
import { UserMinus } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { refreshAccount } from "../account/accountStore.ts";
import { authMessage } from "../account/authMessages.ts";
import {
  changeMemberRole,
  listMembers,
  removeMember,
  type WorkspaceMember,
} from "../api/workspacesClient.ts";
import { useAction } from "../ui/useAction.ts";
import { WORKSPACE_ROLE_LABELS } from "../ui/roleLabels.ts";
import { FormError } from "../ui/FormError.tsx";
import { ChoiceSelect } from "../ui/ChoiceSelect.tsx";
import { askToConfirm } from "../ui/confirmRequests.ts";

/**
 * A workspace's people and their roles: change a role or remove someone (their open boards
 * close or change at once: the server sees to it).
 */
export function MembersPanel({ me, workspaceId }: { me: Me; workspaceId: string }) {
  const [members, setMembers] = useState<readonly WorkspaceMember[] | null>(null);
  const action = useAction(authMessage);
  const { run } = action;
  const load = useCallback(
    () => void run(async () => setMembers(await listMembers(workspaceId))),
    [run, workspaceId],
  );
  useEffect(() => load(), [load]);

  const change = (work: () => Promise<unknown>) =>
    void run(async () => {
      await work();
      await refreshAccount();
    }).then(load);

  return (
    <section className="admin-section" aria-labelledby="admin-members">
      <h2 id="admin-members">Members</h2>
      <FormError error={action.error} />
      <table className="admin-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members?.map((m) => (
            <tr key={m.id} data-testid="admin.member" data-email={m.user.email}>
              <td>
                {m.user.name}
                {m.userId === me.user.id && <span className="admin-muted"> (you)</span>}
              </td>
              <td>{m.user.email}</td>
              <td>
                <ChoiceSelect
                  aria-label={`Role of ${m.user.name}`}
                  data-testid="admin.member-role"
                  labels={WORKSPACE_ROLE_LABELS}
                  value={isWorkspaceRole(m.role) ? m.role : WORKSPACE_ROLE.guest}
                  disabled={action.busy}
                  onChoose={(role) => change(() => changeMemberRole(workspaceId, m.id, role))}
                />
              </td>
              <td>
                {m.userId !== me.user.id && (
                  <button
                    type="button"
                    className="btn btn--ghost"
                    data-testid="admin.member-remove"
                    disabled={action.busy}
                    onClick={() =>
                      void askToConfirm({
                        title: `Remove ${m.user.name} from this workspace?`,
                        body: "Their open maps close at once, and they no longer see the workspace's maps.",
                        confirmLabel: "Remove",
                      }).then((yes) => yes && change(() => removeMember(workspaceId, m.id)))
                    }
                  >
                    <UserMinus size={14} aria-hidden="true" /> Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
