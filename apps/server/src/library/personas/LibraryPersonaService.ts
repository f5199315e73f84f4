/**
 * The workspace persona library (issue 19): personas kept per workspace, used in maps as
 * linked copies. A map's persona linked to a library persona carries its id; editing the
 * library persona writes the changed fields into every linked map of the workspace through
 * LiveDocuments (as the editing person's change), so open boards show it at once and the
 * change is in each map's log and history like any edit. Which maps are linked is read from
 * the maps' summaries (MapIndexer keeps them a second or so behind the live documents); the
 * live document decides which of its personas follow, so a persona detached since its last
 * summary is left alone.
 *
 * Who: admins and members of the workspace read and edit the library (LibraryRefusal 403 for
 * its guests, 404 for anyone outside). Propagation writes into linked maps whatever the
 * editor's role on each: a link is the map's editors' choice to follow the library.
 */
import { type AccountAccess, mayAddMaps } from "@journeymap/access";
import { canEdit, mapDocumentName } from "@journeymap/protocol";
import {
  type CreateLibraryPersonaBody,
  type LibraryPersona,
  type LibraryPersonaPage,
  type LibraryPersonaUse,
  MAX_LIBRARY_PERSONAS,
  MAX_PROPAGATED_MAPS,
  type UpdatedLibraryPersona,
  type UpdateLibraryPersonaBody,
} from "@journeymap/protocol/http";
import {
  addPersona,
  linkPersona,
  type MapSummary,
  type MutationContext,
  type PersonaId,
  randomId,
  readJourneyMap,
  updatePersona,
} from "@journeymap/schema";
import type { LibraryPersonaRecord, MapStore } from "@journeymap/storage";
import type { Logger } from "../../logger.ts";
import type { AuthorNames } from "../../people/AuthorNames.ts";
import type { LiveDocuments } from "../../sync/LiveDocuments.ts";
import { readSummaries } from "../librarySummaries.ts";
import { MAX_LIBRARY_MAPS, readableMaps } from "../readableMaps.ts";
import {
  allPersonaFields,
  applyBody,
  personaFieldsOf,
  toLibraryPersona,
} from "./libraryPersonaFields.ts";

/** A refusal with its HTTP status; the message is shown as it is. */
export class LibraryRefusal extends Error {
  readonly status: 403 | 404 | 409 | 410;

  constructor(status: 403 | 404 | 409 | 410, message: string) {
    super(message);
    this.status = status;
  }
}

/** The origin of every write of the library into maps (propagation and PersonaCatchUp). */
export const LIBRARY_PERSONA_ORIGIN: MutationContext = {
  origin: { kind: "server", reason: "library persona" },
};
/** How long one library edit may spend writing into maps (ms); a map takes a few ms. */
export const PROPAGATION_BUDGET_MS = 20_000;
const NOT_YOURS = "No such workspace, or you are not in it";
const NO_PERSONA = "No such persona in this workspace's library";

export interface LibraryPersonaServiceDeps {
  readonly store: MapStore;
  readonly roles: AccountAccess;
  readonly authors: AuthorNames;
  readonly live: LiveDocuments;
  readonly log: Logger;
  readonly now: () => number;
  /**
   * Asks for these maps to be indexed again (MapIndexer.requestIndex): the linked maps one
   * edit's propagation did not reach catch up there (PersonaCatchUp).
   */
  readonly catchUp?: (mapIds: readonly string[]) => void;
}

/** The ids of `summary`'s personas linked to `libraryPersonaId`. */
function linkedIn(summary: MapSummary, libraryPersonaId: string) {
  return summary.personas.filter((p) => (p.libraryPersonaId ?? null) === libraryPersonaId);
}

export class LibraryPersonaService {
  private readonly deps: LibraryPersonaServiceDeps;

  constructor(deps: LibraryPersonaServiceDeps) {
    this.deps = deps;
  }

  /** The workspace's personas, each with how many of the person's maps use it. */
  async list(userId: string, workspaceId: string): Promise<LibraryPersona[]> {
    await this.member(userId, workspaceId);
    const records = await this.deps.store
      .libraryPersonas()
      .listPersonas(workspaceId, MAX_LIBRARY_PERSONAS);
    const counts = await this.uses(userId, workspaceId);
    return this.shown(records, (r) => counts.get(r.id) ?? 0);
  }

  /** The library of the map's workspace, for someone on the map who may use the library. */
  async forMap(
    userId: string,
    mapId: string,
  ): Promise<{ workspaceId: string; personas: LibraryPersona[] }> {
    const workspaceId = await this.workspaceOfMap(userId, mapId, "read");
    return { workspaceId, personas: await this.list(userId, workspaceId) };
  }

  async create(
    userId: string,
    workspaceId: string,
    body: CreateLibraryPersonaBody,
  ): Promise<LibraryPersona> {
    await this.member(userId, workspaceId);
    const personas = this.deps.store.libraryPersonas();
    const existing = await personas.listPersonas(workspaceId, MAX_LIBRARY_PERSONAS);
    if (existing.length >= MAX_LIBRARY_PERSONAS)
      throw new LibraryRefusal(409, `The library is full (${MAX_LIBRARY_PERSONAS} personas)`);
    const at = this.deps.now();
    const record: LibraryPersonaRecord = {
      id: randomId(),
      workspaceId,
      ...applyBody({ name: "", role: "", quote: "", colour: "", fields: {} }, body),
      createdBy: userId,
      createdAt: at,
      updatedBy: userId,
      updatedAt: at,
      archivedAt: null,
    };
    await personas.createPersona(record);
    return (await this.shown([record], () => 0))[0]!;
  }

  /** The persona with the maps (of those the person may open) using it and its curve in each. */
  async page(userId: string, workspaceId: string, id: string): Promise<LibraryPersonaPage> {
    const record = await this.persona(userId, workspaceId, id);
    const listed = await readableMaps(this.deps.roles, userId, workspaceId);
    const summaries = await readSummaries(
      this.deps.store.library(),
      listed.map((m) => m.id),
    );
    const maps: LibraryPersonaUse[] = [];
    for (const map of listed) {
      const summary = summaries.get(map.id);
      if (!summary) continue;
      for (const persona of linkedIn(summary, id))
        maps.push({
          mapId: map.id,
          title: summary.title,
          personaId: persona.id,
          steps: summary.steps.map((s) => ({ id: s.id, name: s.name })),
          curve: persona.curve.map((p) => ({ stepId: p.stepId, score: p.score })),
          lowest: persona.lowest,
          average: persona.average,
        });
    }
    const mapCount = new Set(maps.map((m) => m.mapId)).size;
    return { persona: (await this.shown([record], () => mapCount))[0]!, maps };
  }

  /** Edits the persona, then writes the change into every linked map of the workspace. */
  async update(
    userId: string,
    workspaceId: string,
    id: string,
    body: UpdateLibraryPersonaBody,
  ): Promise<UpdatedLibraryPersona> {
    const record = await this.persona(userId, workspaceId, id);
    const updated: LibraryPersonaRecord = {
      ...record,
      ...applyBody(record, body),
      updatedBy: userId,
      updatedAt: this.deps.now(),
    };
    if (!(await this.deps.store.libraryPersonas().updatePersona(updated)))
      throw new LibraryRefusal(404, NO_PERSONA);
    const { maps, leftOut } = await this.propagate(userId, workspaceId, id, body);
    const counts = await this.uses(userId, workspaceId);
    const persona = (await this.shown([updated], () => counts.get(id) ?? 0))[0]!;
    return { persona, maps, leftOut };
  }

  async archive(
    userId: string,
    workspaceId: string,
    id: string,
    archived: boolean,
  ): Promise<LibraryPersona> {
    await this.persona(userId, workspaceId, id);
    const at = archived ? this.deps.now() : null;
    await this.deps.store.libraryPersonas().archivePersona(workspaceId, id, at);
    const record = await this.persona(userId, workspaceId, id);
    return (await this.shown([record], () => 0))[0]!;
  }

  /**
   * Adds the library persona to a map the person may edit, linked; answers its id in the map.
   * The map must be in the persona's workspace, where the person is an admin or member.
   */
  async use(userId: string, mapId: string, libraryPersonaId: string): Promise<PersonaId> {
    const workspaceId = await this.workspaceOfMap(userId, mapId, "edit");
    const record = await this.deps.store
      .libraryPersonas()
      .getPersona(workspaceId, libraryPersonaId);
    if (!record) throw new LibraryRefusal(404, NO_PERSONA);
    return this.deps.live.write(mapDocumentName(mapId), { author: userId }, (doc) => {
      const personaId = addPersona(doc, allPersonaFields(record), LIBRARY_PERSONA_ORIGIN);
      linkPersona(doc, personaId, record.id, LIBRARY_PERSONA_ORIGIN);
      return personaId;
    });
  }

  /**
   * Writes the fields `body` changes into each map of the workspace with a persona linked to
   * `id`, one map after another, at most MAX_PROPAGATED_MAPS of them (most recently edited
   * first) and for at most PROPAGATION_BUDGET_MS: a workspace's library edit must not open
   * thousands of documents at once, nor hold its request open for minutes. Maps left out are
   * counted in the answer (their copies miss this edit's fields).
   */
  private async propagate(
    userId: string,
    workspaceId: string,
    id: string,
    body: UpdateLibraryPersonaBody,
  ): Promise<{ maps: number; leftOut: number }> {
    const fields = personaFieldsOf(body);
    if (Object.keys(fields).length === 0) return { maps: 0, leftOut: 0 };
    const maps = await this.deps.store.findMaps({
      workspaceIds: [workspaceId],
      mapIds: [],
      trashed: false,
      sort: "updated",
      limit: MAX_LIBRARY_MAPS,
    });
    const summaries = await readSummaries(
      this.deps.store.library(),
      maps.map((m) => m.id),
    );
    const linked = maps.filter((m) => {
      const summary = summaries.get(m.id);
      return summary !== undefined && linkedIn(summary, id).length > 0;
    });
    const started = this.deps.now();
    let written = 0;
    let reached = 0;
    for (const map of linked.slice(0, MAX_PROPAGATED_MAPS)) {
      if (this.deps.now() - started > PROPAGATION_BUDGET_MS) break;
      reached++;
      const changed = await this.deps.live.write(
        mapDocumentName(map.id),
        { author: userId },
        (doc) => {
          const followers = readJourneyMap(doc).personas.filter((p) => p.libraryPersonaId === id);
          for (const persona of followers)
            updatePersona(doc, persona.id, fields, LIBRARY_PERSONA_ORIGIN);
          return followers.length;
        },
      );
      if (changed > 0) written++;
    }
    const leftOut = linked.length - reached;
    if (leftOut > 0) this.deps.catchUp?.(linked.slice(reached).map((m) => m.id));
    this.deps.log.info(
      { workspaceId, libraryPersonaId: id, maps: written, leftOut },
      "library persona propagated",
    );
    return { maps: written, leftOut };
  }

  /**
   * The map's workspace, when the person may `read` the map (or `edit` it) and is an admin or
   * member there; else the refusal (a map they may not open: 404, as if there were none).
   */
  private async workspaceOfMap(userId: string, mapId: string, may: "read" | "edit") {
    const standing = await this.deps.roles.standing(userId, mapId);
    const workspaceId = standing?.policy.workspaceId ?? null;
    if (!standing || standing.role === null || workspaceId === null)
      throw new LibraryRefusal(404, "No such map (or it is not shared with you)");
    if (standing.policy.deletedAt !== null)
      throw new LibraryRefusal(410, "This map is in the trash");
    if ((may === "edit" && !canEdit(standing.role)) || !mayAddMaps(standing.workspaceRole))
      throw new LibraryRefusal(
        403,
        "Only the map's editors in its workspace use its persona library",
      );
    return workspaceId;
  }

  /** The workspace's persona, for an admin or member; else the refusal. */
  private async persona(
    userId: string,
    workspaceId: string,
    id: string,
  ): Promise<LibraryPersonaRecord> {
    await this.member(userId, workspaceId);
    const record = await this.deps.store.libraryPersonas().getPersona(workspaceId, id);
    if (!record) throw new LibraryRefusal(404, NO_PERSONA);
    return record;
  }

  /** Refuses anyone but the workspace's admins and members (guests: 403, others: 404). */
  private async member(userId: string, workspaceId: string): Promise<void> {
    const role = await this.deps.roles.workspaceRole(userId, workspaceId);
    if (role === null) throw new LibraryRefusal(404, NOT_YOURS);
    if (!mayAddMaps(role))
      throw new LibraryRefusal(403, "Guests of the workspace may not use its persona library");
  }

  /** How many of the maps the person may open use each library persona. */
  private async uses(userId: string, workspaceId: string): Promise<Map<string, number>> {
    const listed = await readableMaps(this.deps.roles, userId, workspaceId);
    const summaries = await readSummaries(
      this.deps.store.library(),
      listed.map((m) => m.id),
    );
    const counts = new Map<string, number>();
    for (const summary of summaries.values())
      for (const id of new Set(summary.personas.map((p) => p.libraryPersonaId ?? null)))
        if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }

  /** Records as the API shows them, with the names of who last changed them. */
  private async shown(
    records: readonly LibraryPersonaRecord[],
    mapCount: (record: LibraryPersonaRecord) => number,
  ): Promise<LibraryPersona[]> {
    const show = await this.deps.authors.show(records.map((r) => r.updatedBy));
    return records.map((r) => toLibraryPersona(r, show(r.updatedBy).author, mapCount(r)));
  }
}
