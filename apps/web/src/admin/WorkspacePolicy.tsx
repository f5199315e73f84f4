import type { WorkspaceSettings } from "@journeymap/protocol/http";
import { useEffect, useState } from "react";
import { updateWorkspaceSettings, workspaceSettings } from "../api/workspaceMapsApi.ts";
import { useAction } from "../ui/useAction.ts";
import { SHARE_ROLE_LABELS } from "../ui/roleLabels.ts";
import { FormError } from "../ui/FormError.tsx";
import { ChoiceSelect } from "../ui/ChoiceSelect.tsx";

/**
 * A workspace's rules for all its maps: what members may do unless a map is shared otherwise,
 * and whether guest links (share links for people without an account) open its maps.
 */
export function WorkspacePolicy({ workspaceId }: { workspaceId: string }) {
  const [settings, setSettings] = useState<WorkspaceSettings | null>(null);
  const action = useAction();
  const { run } = action;
  useEffect(() => {
    void run(async () => setSettings(await workspaceSettings(workspaceId)));
  }, [run, workspaceId]);

  const update = (patch: Partial<WorkspaceSettings>) =>
    void run(async () => setSettings(await updateWorkspaceSettings(workspaceId, patch)));

  return (
    <section className="admin-section" aria-labelledby="admin-policy">
      <h2 id="admin-policy">Rules for this workspace's maps</h2>
      <FormError error={action.error} />
      {settings && (
        <div className="admin-fields">
          <div className="admin-row">
            <span id="admin-default-role">Members may, on every map unless shared otherwise:</span>
            <ChoiceSelect
              aria-labelledby="admin-default-role"
              data-testid="admin.default-role"
              labels={SHARE_ROLE_LABELS}
              value={settings.defaultMapRole}
              disabled={action.busy}
              onChoose={(defaultMapRole) => update({ defaultMapRole })}
            />
          </div>
          <label className="admin-row">
            <input
              type="checkbox"
              data-testid="admin.guest-links"
              checked={settings.guestLinks}
              disabled={action.busy}
              onChange={(e) => update({ guestLinks: e.target.checked })}
            />
            <span>
              Guest links open this workspace's maps (people without an account, by a share link).
              Off: only people of the workspace open them; contributor links and API tokens keep
              working.
            </span>
          </label>
        </div>
      )}
    </section>
  );
}
