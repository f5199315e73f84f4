import type { MapSharing, Me, ShareRole } from "@journeymap/protocol/http";
import { UserPlus, X } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { shareMap, unshareMap } from "../api/workspaceMapsApi.ts";
import { invitationUrl, listMembers, type WorkspaceMember } from "../api/workspacesClient.ts";
import { roleOptions, SHARE_ROLE_LABELS } from "../ui/roleLabels.ts";
import type { MapSharingState } from "./useMapSharing.ts";
import { OptionSelect } from "../ui/OptionSelect.tsx";
import { CopyField } from "../ui/CopyField.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";

/** People's roles on a map, each with what it lets them do. */
const SHARE_ROLE_OPTIONS = roleOptions(
  Object.keys(SHARE_ROLE_LABELS) as ShareRole[],
  SHARE_ROLE_LABELS,
);

export interface SharePeopleProps {
  readonly mapId: string;
  readonly me: Me;
  readonly sharing: MapSharing;
  readonly change: MapSharingState["change"];
  readonly busy: boolean;
}

/**
 * People on a map: its workspace's default for members, and the people it is shared with
 * (members, or anyone invited by email, who joins the workspace as a guest), each with a role.
 */
export function SharePeople({ mapId, me, sharing, change, busy }: SharePeopleProps) {
  const [members, setMembers] = useState<readonly WorkspaceMember[]>([]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ShareRole>("editor");
  const [invited, setInvited] = useState<{ email: string; url: string } | null>(null);
  const workspace = me.workspaces.find((w) => w.id === sharing.workspaceId);

  useEffect(() => {
    if (!sharing.workspaceId) return;
    listMembers(sharing.workspaceId).then(setMembers, () => setMembers([]));
  }, [sharing.workspaceId]);

  const share = (event: FormEvent) => {
    event.preventDefault();
    const typed = email.trim().toLowerCase();
    const member = members.find((m) => m.user.email.toLowerCase() === typed);
    void change(async () => {
      const shared = await shareMap(
        mapId,
        member ? { userId: member.userId, role } : { email: typed, role },
      );
      setInvited(
        shared.invitationId ? { email: typed, url: invitationUrl(shared.invitationId) } : null,
      );
    }).then((ok) => ok && setEmail(""));
  };

  return (
    <div className="share-section" data-testid="share.people">
      <p className="panel-note" data-testid="share.default">
        Members of <strong>{workspace?.name ?? "its workspace"}</strong>:{" "}
        {SHARE_ROLE_LABELS[sharing.defaultMapRole].toLowerCase()} (the workspace's default). Its
        admins own it. Share with someone for another role, or to invite them as a guest.
      </p>
      <form className="share-row" onSubmit={share} aria-label="Share with a person">
        <input
          type="email"
          required
          list="share-members"
          placeholder="Email of a person"
          aria-label="Email of the person to share with"
          data-testid="share.email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <datalist id="share-members">
          {members.map((m) => (
            <option key={m.id} value={m.user.email}>
              {m.user.name}
            </option>
          ))}
        </datalist>
        <OptionSelect
          label="Their role"
          testId="share.role"
          options={SHARE_ROLE_OPTIONS}
          value={role}
          onChoose={setRole}
        />
        <SubmitButton disabled={busy} testId="share.add">
          <UserPlus size={14} aria-hidden="true" /> Share
        </SubmitButton>
      </form>
      {invited && (
        <>
          <p className="panel-note">
            {invited.email} is invited to the workspace as a guest, with this map. Send them the
            link: the map is theirs once they join.
          </p>
          <CopyField value={invited.url} label="Invitation link" testId="share.invite-link" />
        </>
      )}
      {sharing.shares.length === 0 && (
        <p className="panel-note">Not shared with anyone else yet.</p>
      )}
      <ul className="share-links" aria-label="People">
        {sharing.shares.map((s) => (
          <li key={s.id} data-testid="share.person">
            <span>
              {s.name ?? s.email}
              {s.pending && <span className="panel-note"> · invited</span>}
            </span>
            <span className="share-row">
              <OptionSelect
                compact
                label={`Role of ${s.name ?? s.email}`}
                options={SHARE_ROLE_OPTIONS}
                value={s.role}
                disabled={busy || s.userId === null}
                onChoose={(next) =>
                  s.userId &&
                  void change(() => shareMap(mapId, { userId: s.userId ?? "", role: next }))
                }
              />
              <button
                type="button"
                className="icon-btn"
                aria-label={`Stop sharing with ${s.name ?? s.email}`}
                disabled={busy}
                onClick={() => void change(() => unshareMap(mapId, s.id))}
              >
                <X size={14} />
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
