import { FolderPlus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { refreshAccount } from "../account/accountStore.ts";
import { authMessage } from "../account/authMessages.ts";
import { createWorkspace } from "../api/workspacesClient.ts";
import { useAction } from "../ui/useAction.ts";
import { FormError } from "../ui/FormError.tsx";
import { SubmitButton } from "../ui/SubmitButton.tsx";

/** Names a new workspace; its creator is its admin. */
export function CreateWorkspaceForm({
  onCreated,
  onCancel,
}: {
  onCreated: (workspaceId: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState("");
  const action = useAction(authMessage);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const workspace = await createWorkspace(name.trim());
      await refreshAccount();
      onCreated(workspace.id);
    });
  };
  return (
    <form className="new-map" onSubmit={submit} aria-label="New workspace">
      <input
        aria-label="Name of the new workspace"
        placeholder="Workspace name, e.g. your team"
        required
        maxLength={60}
        value={name}
        data-testid="workspace.name"
        onChange={(e) => setName(e.target.value)}
      />
      <SubmitButton disabled={action.busy || name.trim() === ""} testId="workspace.create">
        <FolderPlus size={14} aria-hidden="true" /> Create workspace
      </SubmitButton>
      {onCancel && (
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Cancel
        </button>
      )}
      <FormError error={action.error} />
    </form>
  );
}
