/**
 * Maps for the board benchmark, written through the real sync path: the map is created by the
 * API (blank template), then a HocuspocusProvider in this process fills it in one transaction
 * and stays connected as the "remote" collaborator whose edits the page must repaint.
 */
import { mapDocumentName, SYNC_PATH } from "@journeymap/protocol";
import {
  builtInLaneId,
  CHANNELS,
  MapEditor,
  type PhaseId,
  readJourneyMap,
  type TouchpointId,
} from "@journeymap/schema";
import { connectProvider, createMapOverHttp } from "@journeymap/testkit";
import * as Y from "yjs";

export interface SeededMap {
  readonly id: string;
  readonly token: string;
  readonly phaseIds: readonly PhaseId[];
  readonly touchpointIds: readonly TouchpointId[];
  /** Size of the map's state as the page downloads it. */
  readonly stateBytes: number;
  /** The collaborator: edits made here reach the page through the server. */
  readonly editor: MapEditor;
  /** Resolves when the server has acknowledged every edit made so far. */
  confirmed(): Promise<void>;
  close(): void;
}

const PHASE_NAMES = ["Discover", "Research", "Compare", "Trial", "Buy", "Onboard", "Use", "Renew"];

/**
 * Fills `doc` like a real, large workshop map: 3 personas with a score at every step, every step
 * with an action, a team, an actions cell and a thought; a pain point on every third step and an
 * opportunity on every fifth.
 */
export function fillMap(doc: Y.Doc, phases: number, touchpoints: number) {
  const editor = new MapEditor(doc);
  const phaseIds: PhaseId[] = [];
  const touchpointIds: TouchpointId[] = [];
  doc.transact(() => {
    const personas = ["Priya, IT lead", "Tom, first-time buyer", "Ana, power user"].map((name) =>
      editor.addPersona({ name }),
    );
    for (let p = 0; p < phases; p++)
      phaseIds.push(editor.addPhase({ name: `${PHASE_NAMES[p % PHASE_NAMES.length]} ${p + 1}` }));
    for (let t = 0; t < touchpoints; t++) {
      const id = editor.addTouchpoint({
        // Contiguous runs, as people build maps: phase p holds steps p*k .. p*k+k-1.
        phaseId: phaseIds[Math.floor((t * phases) / touchpoints)]!,
        name: `Step ${t + 1}: checks the offer`,
        channel: CHANNELS[t % CHANNELS.length],
        action: `Opens the page and reads section ${t + 1}`,
        team: t % 2 ? "Growth" : "Support",
      });
      touchpointIds.push(id);
      for (const [i, persona] of personas.entries())
        editor.setEmotion(persona, id, ((((t * (i + 2)) % 7) + 7) % 7) - 3);
      editor.setCellText(builtInLaneId("actions"), id, `Customer compares plan ${t + 1}`);
      editor.setCellText(
        builtInLaneId("thoughts"),
        id,
        `Is this worth it? I expected step ${t + 1} to be quicker.`,
      );
      if (t % 3 === 0)
        editor.addCard({ kind: "painPoint", touchpointId: id, title: `Waits too long (${t + 1})` });
      if (t % 5 === 0)
        editor.addCard({
          kind: "opportunity",
          touchpointId: id,
          title: `Show progress (${t + 1})`,
        });
    }
  });
  return { editor, phaseIds, touchpointIds };
}

export async function seedMap(
  baseUrl: string,
  phases: number,
  touchpoints: number,
): Promise<SeededMap> {
  const { id, token } = await createMapOverHttp(baseUrl, {
    title: `Bench ${phases}×${touchpoints}`,
    template: "blank",
  });
  const client = await connectProvider({
    wsUrl: `${baseUrl.replace(/^http/, "ws")}${SYNC_PATH}`,
    name: mapDocumentName(id),
    token,
  });
  const { doc, confirmed } = client;
  const { editor, phaseIds, touchpointIds } = fillMap(doc, phases, touchpoints);
  await confirmed();
  const map = readJourneyMap(doc);
  if (map.touchpointsByPhase.size < phases)
    throw new Error(`seeded ${map.touchpointsByPhase.size} phases, wanted ${phases}`);
  return {
    id,
    token,
    phaseIds,
    touchpointIds,
    stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
    editor,
    confirmed,
    close: () => client.destroy(),
  };
}
