import type { Me, MeWorkspace } from "@journeymap/protocol/http";
import { FolderPlus, LibraryBig } from "lucide-react";
import { useState } from "react";
import { libraryPath } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { CreateWorkspaceForm } from "./CreateWorkspaceForm.tsx";

export interface WorkspaceBarProps {
  readonly me: Me;
  readonly workspace: MeWorkspace;
  readonly onChoose: (workspaceId: string) => void;
}

/** Which workspace's maps are shown, and a way to start another workspace. */
export function WorkspaceBar({ me, workspace, onChoose }: WorkspaceBarProps) {
  const [creating, setCreating] = useState(false);
  return (
    <div className="workspace-bar">
      <label className="workspace-switcher">
        <span className="visually-hidden">Workspace</span>
        <select
          aria-label="Workspace"
          data-testid="workspace.switch"
          value={workspace.id}
          onChange={(e) => onChoose(e.target.value)}
        >
          {me.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
              {w.role === "member" ? "" : ` (${w.role})`}
            </option>
          ))}
        </select>
      </label>
      <AppLink
        href={libraryPath(workspace.id, "dashboard")}
        className="btn btn--ghost"
        data-testid="workspace.library"
      >
        <LibraryBig size={14} aria-hidden="true" /> Library
      </AppLink>
      {creating ? (
        <CreateWorkspaceForm
          onCreated={(id) => {
            setCreating(false);
            onChoose(id);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <button
          type="button"
          className="btn btn--ghost"
          data-testid="workspace.new"
          onClick={() => setCreating(true)}
        >
          <FolderPlus size={14} aria-hidden="true" /> New workspace
        </button>
      )}
    </div>
  );
}
