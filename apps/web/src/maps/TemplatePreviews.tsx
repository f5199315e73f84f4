/**
 * The templates a new map can start from, each with a small picture of its phases, steps and
 * curve (issue 15, B11), drawn from the templates the client ships with (the server lists the
 * same ones by id). Picking one sets the new-map form's template.
 */
import type { TemplateSummary } from "@journeymap/protocol/http";
import { findTemplate } from "@journeymap/schema";
import { MapSilhouette } from "./MapSilhouette.tsx";
import { outlineOfTemplate } from "./mapOutline.ts";

export interface TemplatePreviewsProps {
  readonly templates: readonly TemplateSummary[];
  readonly chosen: string;
  readonly onChoose: (id: string) => void;
}

export function TemplatePreviews({ templates, chosen, onChoose }: TemplatePreviewsProps) {
  if (templates.length === 0) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: toggle buttons beside the form's own select
    <div className="template-previews" role="group" aria-label="Pick a starting point">
      {templates.map((t) => {
        const template = findTemplate(t.id);
        return (
          <button
            key={t.id}
            type="button"
            className="template-preview"
            aria-pressed={chosen === t.id}
            data-testid="maps.template-preview"
            title={t.summary}
            onClick={() => onChoose(t.id)}
          >
            {template && <MapSilhouette outline={outlineOfTemplate(template)} />}
            <span className="template-preview-name">{t.name}</span>
          </button>
        );
      })}
    </div>
  );
}
