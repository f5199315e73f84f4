import { Link2, Share2 } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDismiss } from "../ui/useDismiss.ts";
import { ROLE, type Role } from "@journeymap/protocol";
import type { ShareLink } from "@journeymap/protocol/http";
import { createLink, listLinks, revokeLink } from "../api/mapsApi.ts";
import { shareUrl, tokenFor } from "../sync/tokens.ts";
import { contributeUrl } from "../talk/contribute/contributorToken.ts";
import "./SharePanel.css";

const ROLE_LABELS: Readonly<Record<string, string>> = {
  [ROLE.editor]: "Can edit",
  // Recovery: an owner can always make another owner link (for another browser or device).
  [ROLE.owner]: "Owner (full control)",
  [ROLE.commenter]: "Can comment",
  [ROLE.viewer]: "Can view",
  [ROLE.contributor]: "Can send evidence (form only)",
};

/** The owner's share menu: create role-scoped links, see them, revoke them. */
export function SharePanel({ mapId }: { mapId: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const closePanel = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, closePanel);
  const [role, setRole] = useState<Role>(ROLE.editor);
  const [links, setLinks] = useState<readonly ShareLink[]>([]);
  const [latest, setLatest] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const token = tokenFor(mapId);

  const refresh = useCallback(() => {
    listLinks(mapId, token).then(setLinks, (e: Error) => setError(e.message));
  }, [mapId, token]);
  useEffect(() => {
    if (open) refresh();
  }, [open, refresh]);

  const create = async () => {
    try {
      const issued = await createLink(mapId, token, role);
      // A contributor link opens the evidence form, not the board.
      setLatest(
        role === ROLE.contributor
          ? contributeUrl(mapId, issued.token)
          : shareUrl(mapId, issued.token),
      );
      refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <span ref={ref} style={{ position: "relative" }}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="board.share"
      >
        <Share2 size={14} /> Share
      </button>
      {open && (
        <div className="popover-panel share-panel" role="dialog" aria-label="Share this map">
          <div className="share-row">
            <select
              aria-label="Access"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {Object.entries(ROLE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn--primary"
              onClick={create}
              data-testid="share.create"
            >
              <Link2 size={14} /> Create link
            </button>
          </div>
          {latest && (
            <div className="share-row">
              <input
                readOnly
                value={latest}
                aria-label="New link"
                data-testid="share.url"
                onFocus={(e) => e.target.select()}
              />
              <button
                type="button"
                className="btn"
                onClick={() => navigator.clipboard?.writeText(latest)}
              >
                Copy
              </button>
            </div>
          )}
          {error && <p role="alert">{error}</p>}
          <ul className="share-links" aria-label="Links">
            {links
              .filter((l) => l.role !== ROLE.owner && l.revokedAt === null)
              .map((l) => (
                <li key={l.id}>
                  <span>
                    {ROLE_LABELS[l.role] ?? l.role} · created{" "}
                    {new Date(l.createdAt).toLocaleDateString()}
                  </span>
                  <button
                    type="button"
                    className="btn btn--ghost"
                    onClick={() =>
                      revokeLink(mapId, token, l.id).then(refresh, (e: Error) =>
                        setError(e.message),
                      )
                    }
                  >
                    Revoke
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}
    </span>
  );
}
