import type { Me } from "@journeymap/protocol/http";
import { useMemo, useState } from "react";
import { ImportButton } from "../import/ImportButton.tsx";
import { useAction } from "../ui/useAction.ts";
import { CreateWorkspaceForm } from "./CreateWorkspaceForm.tsx";
import { DeviceMaps } from "./DeviceMaps.tsx";
import { InvitationsBanner } from "./InvitationsBanner.tsx";
import { ALL_MAPS, MapListControls } from "./MapListControls.tsx";
import { creatableWorkspaces, shownWorkspace } from "./mapListModel.ts";
import { NewMapForm } from "./NewMapForm.tsx";
import { useChosenWorkspace } from "./useChosenWorkspace.ts";
import { useWorkspaceMaps } from "./useWorkspaceMaps.ts";
import { WorkspaceBar } from "./WorkspaceBar.tsx";
import { WorkspaceMapCard } from "./WorkspaceMapCard.tsx";
import "./maps.css";

/**
 * The home page signed in: every map I can open in the chosen workspace, from the server (on
 * any device), with search, order, the trash and each map's actions; then the maps this
 * device holds links for that no workspace has yet.
 */
export default function SignedInHome({ me }: { me: Me }) {
  const [chosen, choose] = useChosenWorkspace();
  const workspace = shownWorkspace(me, chosen);
  const [filters, setFilters] = useState(ALL_MAPS);
  const { q, trash } = filters;
  const list = useWorkspaceMaps({ ...filters, workspaceId: workspace?.id ?? null });
  // Every map the person has, whatever is shown: those are not "only on this device".
  const all = useWorkspaceMaps({ ...ALL_MAPS, workspaceId: null });
  const listed = useMemo(() => new Set(all.maps?.map((m) => m.id) ?? []), [all.maps]);
  const action = useAction();
  const now = Date.now();
  const targets = creatableWorkspaces(me);
  const canCreate = workspace !== null && targets.some((w) => w.id === workspace.id);

  const onAction = (change: () => Promise<unknown>) =>
    void action.run(change).then(() => {
      list.reload();
      all.reload();
    });

  return (
    <div className="page">
      <InvitationsBanner onJoined={choose} />
      {workspace === null ? (
        <section className="first-workspace">
          <h1>Create your workspace</h1>
          <p className="page-lede">
            Maps live in workspaces: one for your team, one per client… You administer the
            workspaces you create and invite people to them.
          </p>
          <CreateWorkspaceForm onCreated={choose} />
        </section>
      ) : (
        <>
          <div className="maps-head">
            <h1>Journey maps</h1>
            <WorkspaceBar me={me} workspace={workspace} onChoose={choose} />
          </div>
          {canCreate && <NewMapForm workspaceId={workspace.id} />}
          <MapListControls filters={filters} onFilters={setFilters} />
          {(list.error ?? action.error) && (
            <p className="notice notice--error" role="alert">
              {list.error ?? action.error}
            </p>
          )}
          {list.maps?.length === 0 && (
            <div className="empty-state" data-testid="maps.empty">
              {trash
                ? "The trash is empty."
                : q.trim()
                  ? "No map's title has that in it."
                  : canCreate
                    ? "No maps here yet. Create the first one above."
                    : "No maps are shared with you here yet."}
            </div>
          )}
          {list.maps && list.maps.length > 0 && (
            <ul className="map-grid" aria-label={trash ? "Trash" : "Maps"}>
              {list.maps.map((m) => (
                <WorkspaceMapCard
                  key={m.id}
                  map={m}
                  now={now}
                  moveTargets={targets}
                  onAction={onAction}
                />
              ))}
            </ul>
          )}
        </>
      )}
      <section className="device-maps" aria-labelledby="device-maps">
        <h2 id="device-maps" className="section-title">
          Maps on this device
        </h2>
        <p className="page-lede">
          Made without signing in, or opened by a link. Add the ones you own to a workspace so its
          people can open them with their accounts.
        </p>
        <ImportButton />
        <DeviceMaps
          claimTo={canCreate ? workspace : null}
          listed={all.maps ? listed : undefined}
          empty="None: every map you have is in a workspace."
          onClaimed={() => {
            list.reload();
            all.reload();
          }}
        />
      </section>
    </div>
  );
}
