import { API_LINK_ROLE, ROLE, type Role } from "@journeymap/protocol";
import type { ShareLink } from "@journeymap/protocol/http";
import { Link2 } from "lucide-react";
import { useState } from "react";
import { createLink, revokeLink } from "../api/mapsApi.ts";
import { shareUrl } from "../sync/tokens.ts";
import { contributeUrl } from "../talk/contribute/contributorToken.ts";
import { LINK_ROLE_LABELS } from "../ui/roleLabels.ts";
import { CopyField } from "../ui/CopyField.tsx";
import { LinkRow } from "./LinkRow.tsx";
import type { MapSharingState } from "./useMapSharing.ts";
import { ChoiceSelect } from "../ui/ChoiceSelect.tsx";

export interface ShareLinksProps {
  readonly mapId: string;
  readonly links: readonly ShareLink[];
  readonly token: string;
  /** Off: the workspace turned guest links off; only contributor links work. */
  readonly guestLinks: boolean;
  readonly change: MapSharingState["change"];
  readonly busy: boolean;
}

/** Share links, each for a role: create one (its address is shown once), see them, revoke them. */
export function ShareLinks({ mapId, links, token, guestLinks, change, busy }: ShareLinksProps) {
  const roles = (Object.keys(LINK_ROLE_LABELS) as Role[]).filter(
    (r) => guestLinks || r === ROLE.contributor,
  );
  const [role, setRole] = useState<Role>(roles[0] ?? ROLE.contributor);
  const [latest, setLatest] = useState<string | null>(null);
  const shown = links.filter(
    (l) => l.role !== ROLE.owner && l.role !== API_LINK_ROLE && l.revokedAt === null,
  );

  const create = () =>
    void change(async () => {
      const issued = await createLink(mapId, token, role);
      // A contributor link opens the evidence form, not the board.
      setLatest(
        role === ROLE.contributor
          ? contributeUrl(mapId, issued.token)
          : shareUrl(mapId, issued.token),
      );
    });

  return (
    <div className="share-section">
      {!guestLinks && (
        <p className="panel-note" data-testid="share.guest-links-off">
          This workspace's admins turned guest links off: links for editors, commenters and viewers
          do not open its maps. Contributor links (the evidence form) still work.
        </p>
      )}
      <div className="share-row">
        <ChoiceSelect
          aria-label="Access"
          choices={roles}
          labels={LINK_ROLE_LABELS}
          value={role}
          onChoose={setRole}
        />
        <button
          type="button"
          className="btn btn--primary"
          onClick={create}
          disabled={busy}
          data-testid="share.create"
        >
          <Link2 size={14} /> Create link
        </button>
      </div>
      {latest && <CopyField value={latest} label="New link" testId="share.url" />}
      <ul className="share-links" aria-label="Links">
        {shown.map((l) => (
          <LinkRow
            key={l.id}
            busy={busy}
            onRevoke={() => void change(() => revokeLink(mapId, token, l.id))}
          >
            {LINK_ROLE_LABELS[l.role as Role] ?? l.role} · created{" "}
            {new Date(l.createdAt).toLocaleDateString()}
          </LinkRow>
        ))}
      </ul>
    </div>
  );
}
