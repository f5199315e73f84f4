import { API_ACTION, API_ACTIONS, API_LINK_ROLE, type ApiAction } from "@journeymap/protocol";
import type { Me, ShareLink } from "@journeymap/protocol/http";
import { KeyRound } from "lucide-react";
import { type FormEvent, useState } from "react";
import { createApiToken, revokeLink } from "../api/mapsApi.ts";
import { CopyField } from "../ui/CopyField.tsx";
import { LinkRow } from "./LinkRow.tsx";
import type { MapSharingState } from "./useMapSharing.ts";
import { SubmitButton } from "../ui/SubmitButton.tsx";

const ACTION_LABELS: Readonly<Record<ApiAction, string>> = {
  [API_ACTION.mapRead]: "Read the map (export, history)",
  [API_ACTION.evidenceWrite]: "Send evidence to the inbox",
};

export interface ApiTokensProps {
  readonly mapId: string;
  readonly me: Me | null;
  readonly links: readonly ShareLink[];
  readonly token: string;
  readonly change: MapSharingState["change"];
  readonly busy: boolean;
}

/**
 * API tokens for integrations (a script reading the map, a support tool sending evidence):
 * create one with a label and what it may do (the token is shown once), list them, revoke them.
 */
export function ApiTokens({ mapId, me, links, token, change, busy }: ApiTokensProps) {
  const [label, setLabel] = useState("");
  const [actions, setActions] = useState<ReadonlySet<ApiAction>>(new Set([API_ACTION.mapRead]));
  const [issued, setIssued] = useState<string | null>(null);
  const tokens = links.filter((l) => l.role === API_LINK_ROLE && l.revokedAt === null);

  const toggle = (action: ApiAction) => {
    const next = new Set(actions);
    if (next.has(action)) next.delete(action);
    else next.add(action);
    setActions(next);
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void change(async () => {
      const created = await createApiToken(mapId, token, label.trim(), [...actions]);
      setIssued(created.token);
      setLabel("");
    });
  };

  return (
    <div className="share-section" data-testid="share.tokens">
      <form className="share-form" onSubmit={create} aria-label="New API token">
        <input
          required
          maxLength={100}
          placeholder="What it is for, e.g. Zendesk"
          aria-label="Label of the new token"
          data-testid="share.token-label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        {API_ACTIONS.map((a) => (
          <label key={a} className="share-check">
            <input type="checkbox" checked={actions.has(a)} onChange={() => toggle(a)} />
            {ACTION_LABELS[a]}
          </label>
        ))}
        <SubmitButton disabled={busy || actions.size === 0} testId="share.token-create">
          <KeyRound size={14} aria-hidden="true" /> Create token
        </SubmitButton>
      </form>
      {issued && (
        <>
          <p className="panel-note">Copy it now: it is shown only this once.</p>
          <CopyField value={issued} label="New API token" testId="share.token" />
        </>
      )}
      {tokens.length === 0 ? (
        <p className="panel-note">No API tokens yet.</p>
      ) : (
        <ul className="share-links" aria-label="API tokens">
          {tokens.map((t) => (
            <LinkRow
              key={t.id}
              testId="share.token-item"
              busy={busy}
              onRevoke={() => void change(() => revokeLink(mapId, token, t.id))}
            >
              <strong>{t.label}</strong> · created {new Date(t.createdAt).toLocaleDateString()}
              {me && t.createdBy === me.user.id ? " by you" : ""}
            </LinkRow>
          ))}
        </ul>
      )}
    </div>
  );
}
