import type { Role } from "@journeymap/protocol";
import type { ShareLink } from "@journeymap/protocol/http";
import { Copy } from "lucide-react";
import { formatAgo } from "../ui/formatDate.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { LINK_ROLE_LABELS } from "../ui/roleLabels.ts";

/** Who made a link, as the list says it. */
function madeBy(link: ShareLink): string {
  if (link.createdByName) return `made by ${link.createdByName}`;
  return "made with the owner's link";
}

/** One share link: its name (renamed in place), role, who made it and when; Copy; Revoke. */
export function ShareLinkRow({
  link,
  busy,
  onRename,
  onCopy,
  onRevoke,
}: {
  link: ShareLink;
  busy: boolean;
  onRename: (label: string) => void;
  onCopy: () => void;
  onRevoke: () => void;
}) {
  const role = LINK_ROLE_LABELS[link.role as Role] ?? link.role;
  return (
    <li className="share-link" data-testid="share.link">
      <div className="share-link-text">
        <InlineText
          value={link.label}
          label="Link name"
          placeholder="Name this link"
          allowEmpty
          className="share-link-name"
          testId="share.link-name"
          onCommit={onRename}
        />
        <span className="share-link-meta">
          {role} · {madeBy(link)} · {formatAgo(link.createdAt)}
        </span>
      </div>
      <button
        type="button"
        className="btn btn--ghost"
        disabled={busy}
        onClick={onCopy}
        data-testid="share.link-copy"
        aria-label={`Copy the address of ${link.label || "this link"}`}
      >
        <Copy size={13} aria-hidden="true" /> Copy
      </button>
      <button type="button" className="btn btn--ghost" disabled={busy} onClick={onRevoke}>
        Revoke
      </button>
    </li>
  );
}
