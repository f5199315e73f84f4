import { API_LINK_ROLE, ROLE, type Role } from "@journeymap/protocol";
import type { ShareLink } from "@journeymap/protocol/http";
import { Link2 } from "lucide-react";
import { useState } from "react";
import { copyLinkToken, createLink, renameLink, revokeLink } from "../api/mapsApi.ts";
import { CopyField } from "../ui/CopyField.tsx";
import { OptionSelect } from "../ui/OptionSelect.tsx";
import { LINK_ROLE_LABELS, roleOptions } from "../ui/roleLabels.ts";
import { linkAddress } from "./linkAddress.ts";
import { ShareLinkRow } from "./ShareLinkRow.tsx";
import type { MapSharingState } from "./useMapSharing.ts";

export interface ShareLinksProps {
  readonly mapId: string;
  readonly links: readonly ShareLink[];
  readonly token: string;
  /** Off: the workspace turned guest links off; only contributor links work. */
  readonly guestLinks: boolean;
  readonly change: MapSharingState["change"];
  readonly busy: boolean;
}

/** The address on show, and which link it is. */
interface Shown {
  readonly url: string;
  readonly label: string;
}

/**
 * Share links, each for a role and optionally named ("Sales team link"): create one, see who
 * made each and when, rename, copy its address again, revoke. Copying again asks the server to
 * sign the link's claims anew: tokens are signatures of the stored link, so none is stored.
 */
export function ShareLinks({ mapId, links, token, guestLinks, change, busy }: ShareLinksProps) {
  const roles = (Object.keys(LINK_ROLE_LABELS) as Role[]).filter(
    (r) => guestLinks || r === ROLE.contributor,
  );
  const options = roleOptions(roles, LINK_ROLE_LABELS);
  const [role, setRole] = useState<Role>(roles[0] ?? ROLE.contributor);
  const [name, setName] = useState("");
  const [shown, setShown] = useState<Shown | null>(null);
  const listed = links.filter(
    (l) => l.role !== ROLE.owner && l.role !== API_LINK_ROLE && l.revokedAt === null,
  );

  const create = () =>
    void change(async () => {
      const label = name.trim();
      const issued = await createLink(mapId, token, role, label);
      setShown({ url: linkAddress(mapId, role, issued.token), label: label || "New link" });
      setName("");
    });

  const copy = (link: ShareLink) =>
    void change(async () => {
      const url = linkAddress(mapId, link.role, await copyLinkToken(mapId, token, link.id));
      setShown({ url, label: link.label || LINK_ROLE_LABELS[link.role as Role] || "Link" });
      // Where the page may write to the clipboard; the field below is there either way.
      await navigator.clipboard?.writeText(url).catch(() => {});
    });

  return (
    <div className="share-section">
      {!guestLinks && (
        <p className="panel-note" data-testid="share.guest-links-off">
          This workspace's admins turned guest links off: links for editors, commenters and viewers
          do not open its maps. Contributor links (the evidence form) still work.
        </p>
      )}
      <form
        className="share-form"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <input
          value={name}
          maxLength={100}
          placeholder="Name (optional), e.g. Sales team link"
          aria-label="Name of the new link"
          data-testid="share.link-new-name"
          onChange={(e) => setName(e.target.value)}
        />
        <div className="share-row">
          <OptionSelect
            label="Access"
            testId="share.link-role"
            options={options}
            value={role}
            onChoose={setRole}
          />
          <button
            type="submit"
            className="btn btn--primary"
            disabled={busy}
            data-testid="share.create"
          >
            <Link2 size={14} /> Create link
          </button>
        </div>
      </form>
      {shown && (
        <CopyField value={shown.url} label={`Address of ${shown.label}`} testId="share.url" />
      )}
      {listed.length > 0 && (
        <ul className="share-links share-link-list" aria-label="Links">
          {listed.map((l) => (
            <ShareLinkRow
              key={l.id}
              link={l}
              busy={busy}
              onRename={(label) => void change(() => renameLink(mapId, token, l.id, label))}
              onCopy={() => copy(l)}
              onRevoke={() => void change(() => revokeLink(mapId, token, l.id))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
