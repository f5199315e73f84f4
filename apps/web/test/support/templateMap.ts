/** Fixtures shared by the web app's tests. */
import {
  createMapFromTemplate,
  readJourneyMap,
  sequentialIds,
  type Template,
} from "@journeymap/schema";
import * as Y from "yjs";

/** A map seeded from a template (or a built-in one's id) with ids `t…`: its doc and read model. */
export function templateMap(template: string | Template) {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, template, { ids: sequentialIds("t") });
  return { doc, map: readJourneyMap(doc) };
}
