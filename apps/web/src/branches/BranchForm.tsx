import { type FormEvent, useState } from "react";
import { navigate } from "../router.ts";
import { FormError } from "../ui/FormError.tsx";
import { createBranch } from "./branchesApi.ts";

/**
 * "Branch…": names a branch of the map at now (or at `seq`, from the history) and opens it.
 */
export function BranchForm({
  mapId,
  seq,
  onCreated,
}: {
  mapId: string;
  seq?: number;
  onCreated?: () => void;
}) {
  const [name, setName] = useState("To-be: ");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createBranch(mapId, name.trim() || "To-be", seq);
      onCreated?.();
      navigate(`/maps/${created.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="branch-form" onSubmit={submit}>
      <label>
        <span>{seq === undefined ? "Branch this map" : "Branch the map as it was here"}</span>
        <input
          value={name}
          maxLength={200}
          data-testid="branches.name"
          onChange={(e) => setName(e.target.value)}
          aria-label="Branch name"
        />
      </label>
      <button
        type="submit"
        className="btn btn--primary"
        disabled={busy}
        data-testid="branches.create"
      >
        Branch…
      </button>
      <FormError error={error} />
    </form>
  );
}
