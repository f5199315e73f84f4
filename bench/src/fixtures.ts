import * as Y from "yjs";
import {
  addCard,
  builtInLaneId,
  createMapFromTemplate,
  MapEditor,
  type PhaseId,
  sequentialIds,
  type TouchpointId,
} from "@journeymap/schema";

/** A big map: `phases` phases, `touchpoints` steps spread over them, 3 personas with full curves,
 * a pain point on every third step and an actions cell on every step. */
export function buildBigMap(phases: number, touchpoints: number): Y.Doc {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "blank", { ids: sequentialIds("s") });
  const editor = new MapEditor(doc, {
    origin: { kind: "import", source: "bench" },
    ids: sequentialIds("b"),
  });
  doc.transact(() => {
    const personas = [0, 1, 2].map((i) => editor.addPersona({ name: `Persona ${i}` }));
    const phaseIds: PhaseId[] = [];
    for (let p = 0; p < phases; p++) phaseIds.push(editor.addPhase({ name: `Phase ${p}` }));
    for (let t = 0; t < touchpoints; t++) {
      const phaseId = phaseIds[t % phases]!;
      const id: TouchpointId = editor.addTouchpoint({
        phaseId,
        name: `Step ${t}`,
        channel: "website",
      });
      for (const [i, persona] of personas.entries())
        editor.setEmotion(persona, id, ((t + i) % 7) - 3);
      editor.setCellText(builtInLaneId("actions"), id, `Customer does thing ${t}`);
      if (t % 3 === 0)
        addCard(doc, { kind: "painPoint", touchpointId: id, title: `Pain ${t}` }, editor.ctx);
    }
  });
  return doc;
}
