import type { TemplateSummary } from "@journeymap/protocol/http";
import { Plus } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { createMap, listTemplates } from "../api/mapsApi.ts";
import { navigate } from "../router.ts";
import { useAction } from "../ui/useAction.ts";
import { SubmitButton } from "../ui/SubmitButton.tsx";
import { TemplatePreviews } from "./TemplatePreviews.tsx";

/**
 * A new map from a template, opened at once. In a workspace when `workspaceId` is given
 * (signed in); otherwise a map only its links open.
 */
export function NewMapForm({ workspaceId }: { workspaceId?: string }) {
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [title, setTitle] = useState("");
  const [template, setTemplate] = useState("default");
  const action = useAction();

  useEffect(() => {
    listTemplates().then(setTemplates, () => setTemplates([]));
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const map = await createMap({
        template,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(workspaceId ? { workspaceId } : {}),
      });
      navigate(`/maps/${map.id}`);
    });
  };

  return (
    <>
      <form className="new-map" onSubmit={submit} aria-label="New map">
        <input
          aria-label="Title of the new map"
          placeholder="Title (optional)"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <select
          aria-label="Template"
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
        >
          {templates.map((t) => (
            <option key={t.id} value={t.id} title={t.summary}>
              {t.name}
            </option>
          ))}
        </select>
        <SubmitButton disabled={action.busy} testId="maps.new">
          <Plus size={14} /> New map
        </SubmitButton>
      </form>
      <TemplatePreviews templates={templates} chosen={template} onChoose={setTemplate} />
      {action.error && (
        <p className="notice notice--error" role="alert">
          {action.error}
        </p>
      )}
    </>
  );
}
