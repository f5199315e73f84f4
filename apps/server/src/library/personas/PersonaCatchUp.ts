/**
 * Makes every linked persona converge on its library persona (issue 19), whatever a library
 * edit's propagation missed: propagation finds maps from the summaries, which trail the live
 * map by up to a second (a persona linked just before the edit is not there yet), and leaves
 * out maps past its bound. This sink runs on each index pass of a map (MapIndexer, after any
 * edit, the sweep, or a request from propagation): a linked persona whose fields differ from
 * the library persona's is brought up to date when the library persona changed after the
 * map's persona was last written. A persona edited on its map since then keeps its own text
 * (the map's editors chose it) until the library changes again.
 *
 * The write goes through LiveDocuments like propagation's, with the same origin, as the
 * library persona's last editor, so it is in the map's log and history like their edit.
 */
import { mapDocumentName } from "@journeymap/protocol";
import {
  type JourneyMap,
  type Persona,
  PERSONA_DEFAULT_NAME,
  type PersonaFields,
  readJourneyMap,
  updatePersona,
} from "@journeymap/schema";
import type { LibraryPersonaRecord, MapStore } from "@journeymap/storage";
import type * as Y from "yjs";
import type { Logger } from "../../logger.ts";
import type { LiveDocuments } from "../../sync/LiveDocuments.ts";
import type { LibrarySink } from "../MapIndexer.ts";
import { allPersonaFields } from "./libraryPersonaFields.ts";
import { LIBRARY_PERSONA_ORIGIN } from "./LibraryPersonaService.ts";

/** The library persona's fields that the map's copy does not show (empty: up to date). */
export function fieldsBehind(persona: Persona, record: LibraryPersonaRecord): PersonaFields {
  const shown: Record<string, string> = {
    name: persona.name,
    role: persona.role,
    quote: persona.quote,
    colour: persona.colour,
    ...persona.demographics,
    ...persona.psychographics,
  };
  const behind: Record<string, string> = {};
  for (const [key, value] of Object.entries(allPersonaFields(record))) {
    // The read model shows an empty name as the default one.
    const wanted = key === "name" ? value.trim() || PERSONA_DEFAULT_NAME : value;
    if (shown[key] !== wanted) behind[key] = value;
  }
  return behind as PersonaFields;
}

export interface PersonaCatchUpDeps {
  readonly store: MapStore;
  /** Null until Hocuspocus exists (the indexer is made before it). */
  readonly live: () => LiveDocuments | null;
  /** When the map's persona was last written (from its log), or null if never. */
  readonly lastWritten: (mapId: string, personaId: string) => Promise<number | null>;
  readonly log: Logger;
}

export class PersonaCatchUp implements LibrarySink {
  readonly name = "library persona catch-up";
  private readonly deps: PersonaCatchUpDeps;

  constructor(deps: PersonaCatchUpDeps) {
    this.deps = deps;
  }

  async indexMap(mapId: string, _doc: Y.Doc, map: JourneyMap): Promise<void> {
    const linked = map.personas.filter((p) => p.libraryPersonaId !== null);
    const live = this.deps.live();
    if (linked.length === 0 || live === null) return;
    const [record] = await this.deps.store.getMaps([mapId]);
    if (!record?.workspaceId || record.deletedAt !== null) return;
    for (const persona of linked) {
      const library = await this.deps.store
        .libraryPersonas()
        .getPersona(record.workspaceId, persona.libraryPersonaId!);
      if (!library || Object.keys(fieldsBehind(persona, library)).length === 0) continue;
      const written = await this.deps.lastWritten(mapId, persona.id);
      if (written !== null && written >= library.updatedAt) continue;
      const caughtUp = await live.write(
        mapDocumentName(mapId),
        { author: library.updatedBy },
        (doc) => {
          // The live document decides: the persona may be gone or detached since the pass read it.
          const now = readJourneyMap(doc).personas.find((p) => p.id === persona.id);
          if (now?.libraryPersonaId !== library.id) return 0;
          const fields = fieldsBehind(now, library);
          if (Object.keys(fields).length === 0) return 0;
          updatePersona(doc, now.id, fields, LIBRARY_PERSONA_ORIGIN);
          return Object.keys(fields).length;
        },
      );
      if (caughtUp > 0)
        this.deps.log.info(
          { mapId, personaId: persona.id, libraryPersonaId: library.id, fields: caughtUp },
          "linked persona caught up with the library",
        );
    }
  }
}
