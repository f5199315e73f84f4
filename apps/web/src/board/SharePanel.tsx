import { ROLE } from "@journeymap/protocol";
import { Share2 } from "lucide-react";
import { useCallback, useRef, useState } from "react";
import { useAccount } from "../account/accountStore.ts";
import { ApiTokens } from "../sharing/ApiTokens.tsx";
import { SharePeople } from "../sharing/SharePeople.tsx";
import { ShareLinks } from "../sharing/ShareLinks.tsx";
import { useMapSharing } from "../sharing/useMapSharing.ts";
import { FormError } from "../ui/FormError.tsx";
import { MapWebhooks } from "../webhooks/ScopedWebhooks.tsx";
import { useDismiss } from "../ui/useDismiss.ts";
import "./SharePanel.css";

type Tab = "people" | "links" | "tokens" | "webhooks";

const TAB_LABELS: Readonly<Record<Tab, string>> = {
  people: "People",
  links: "Links",
  tokens: "API tokens",
  webhooks: "Webhooks",
};

/**
 * The share dialog: people (signed in, for a map in a workspace: its owners and editors),
 * share links and API tokens (its owners). Nothing to share: no button.
 */
export function SharePanel({ mapId, role }: { mapId: string; role: string | null }) {
  const { me } = useAccount();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const closePanel = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, closePanel);
  const owner = role === ROLE.owner;
  const people = Boolean(me) && (owner || role === ROLE.editor);
  const state = useMapSharing(mapId, open, { people, owner });
  const { sharing, action } = state;
  const tabs: Tab[] = [
    ...(sharing ? (["people"] as const) : []),
    ...(owner ? (["links", "tokens", "webhooks"] as const) : []),
  ];
  const [chosen, setChosen] = useState<Tab | null>(null);
  const tab = chosen && tabs.includes(chosen) ? chosen : tabs[0];

  if (!owner && !people) return null;
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
          {tabs.length > 1 && (
            <div className="share-tabs" role="tablist" aria-label="Share with">
              {tabs.map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  aria-selected={t === tab}
                  data-testid={`share.tab-${t}`}
                  onClick={() => setChosen(t)}
                >
                  {TAB_LABELS[t]}
                </button>
              ))}
            </div>
          )}
          {tab === "people" && me && sharing && (
            <SharePeople
              mapId={mapId}
              me={me}
              sharing={sharing}
              change={state.change}
              busy={action.busy}
            />
          )}
          {tab === "links" && (
            <ShareLinks
              mapId={mapId}
              links={state.links}
              token={state.token}
              guestLinks={sharing?.guestLinks ?? true}
              change={state.change}
              busy={action.busy}
            />
          )}
          {tab === "tokens" && (
            <ApiTokens
              mapId={mapId}
              me={me ?? null}
              links={state.links}
              token={state.token}
              change={state.change}
              busy={action.busy}
            />
          )}
          {tab === "webhooks" && <MapWebhooks mapId={mapId} token={state.token} />}
          {tab === undefined && !action.busy && (
            <p className="panel-note">
              This map is in no workspace: it has no people to share with.
            </p>
          )}
          <FormError error={action.error} />
        </div>
      )}
    </span>
  );
}
