/**
 * Library opportunities (issue 19): workspace-level opportunities, placed on a value/effort
 * matrix and linked to opportunity cards in several maps.
 *
 * Who may do what: the workspace's admins and members (who may add maps there) see every
 * opportunity, create, place and rename them; guests see only opportunities linked to a map
 * they can open, and change nothing. Linking writes into a map, so it also needs edit rights
 * on that map. Links are only ever shown for maps the person may open.
 *
 * The map documents are the truth of which cards stand for an opportunity: a card carries its
 * id (schema's `libraryOpportunityId`), written through LiveDocuments as the person, so the
 * link is live, logged and can be undone. The store's link rows say which cards the server
 * linked, so a rename reaches a card linked a moment ago; a link is shown while the map's
 * summary has the card carrying the id, or has not caught up with the link yet.
 */
import { type AccountAccess, mayAddMaps } from "@journeymap/access";
import { canEdit, canSync, mapDocumentName, type Role } from "@journeymap/protocol";
import type {
  LibraryOpportunity,
  LibraryOpportunityLinkInfo,
  LibraryOpportunityList,
  UpdateLibraryOpportunityBody,
} from "@journeymap/protocol/http";
import {
  addCard,
  type CardId,
  type CardStatus,
  isLibraryOpportunityId,
  linkCard,
  type MapSummary,
  type MutationContext,
  readJourneyMap,
  type TouchpointId,
  type JourneyMap,
  updateCard,
} from "@journeymap/schema";
import type {
  LibraryOpportunityLink,
  LibraryOpportunityRecord,
  MapStore,
  StoredSummary,
} from "@journeymap/storage";
import { createHash, randomUUID } from "node:crypto";
import type { AuthorNames } from "../../people/AuthorNames.ts";
import type { LiveDocuments } from "../../sync/LiveDocuments.ts";
import { readableMaps } from "../readableMaps.ts";

/** A rename is written into at most this many maps (in sequence); more are left as they are. */
export const MAX_RENAME_FANOUT = 200;
/** A workspace holds at most this many library opportunities: the matrix stays readable. */
export const MAX_OPPORTUNITIES = 1_000;

const ORIGIN: MutationContext = { origin: { kind: "server", reason: "library opportunity" } };

const cardsOf = (map: JourneyMap) => [...map.cardsByTouchpoint.values()].flat();

/** A refusal with its HTTP status and a message for the person. */
export class OpportunityRefusal extends Error {
  readonly status: 400 | 403 | 404 | 409;
  constructor(status: 400 | 403 | 404 | 409, message: string) {
    super(message);
    this.status = status;
  }
}

export interface Viewer {
  readonly userId: string;
  readonly workspaceId: string;
}

/** What a person may see of a workspace's library: their maps (with roles) and whether they edit. */
interface Standing {
  readonly mayEdit: boolean;
  readonly roles: ReadonlyMap<string, Role>;
  readonly titles: ReadonlyMap<string, string>;
}

export interface LibraryOpportunitiesDeps {
  readonly store: MapStore;
  readonly roles: AccountAccess;
  readonly authors: AuthorNames;
  readonly live: LiveDocuments;
  readonly now: () => number;
}

export class LibraryOpportunities {
  private readonly deps: LibraryOpportunitiesDeps;

  constructor(deps: LibraryOpportunitiesDeps) {
    this.deps = deps;
  }

  private get table() {
    return this.deps.store.libraryOpportunities();
  }

  /** The person's standing in the workspace; a 404 when they are not in it. */
  private async standing({ userId, workspaceId }: Viewer): Promise<Standing> {
    const role = await this.deps.roles.workspaceRole(userId, workspaceId);
    if (role === null) throw new OpportunityRefusal(404, "No such workspace");
    const maps = (await readableMaps(this.deps.roles, userId, workspaceId)).filter((m) =>
      canSync(m.role),
    );
    return {
      mayEdit: mayAddMaps(role),
      roles: new Map(maps.map((m) => [m.id, m.role])),
      titles: new Map(maps.map((m) => [m.id, m.title])),
    };
  }

  async list(viewer: Viewer): Promise<LibraryOpportunityList> {
    const standing = await this.standing(viewer);
    const records = await this.table.listOpportunities(viewer.workspaceId);
    const links = await this.linksShown(records, standing);
    const shown = standing.mayEdit
      ? records
      : records.filter((r) => (links.get(r.id)?.length ?? 0) > 0);
    const opportunities = await this.answers(shown, links);
    const body = { opportunities, mayEdit: standing.mayEdit };
    const version = createHash("sha256").update(JSON.stringify(body)).digest("base64url");
    return { ...body, version: version.slice(0, 27) };
  }

  async create(
    viewer: Viewer,
    input: { title?: string | undefined; from?: { mapId: string; cardId: string } | undefined },
  ): Promise<LibraryOpportunity> {
    const standing = await this.editorStanding(viewer);
    const existing = await this.table.listOpportunities(viewer.workspaceId);
    if (existing.length >= MAX_OPPORTUNITIES)
      throw new OpportunityRefusal(
        409,
        `A workspace holds at most ${MAX_OPPORTUNITIES} opportunities`,
      );
    const from = input.from;
    if (!from && !input.title?.trim()) throw new OpportunityRefusal(400, "Give a title or a card");
    if (from) this.mayEditMap(standing, from.mapId);
    const id = randomUUID();
    const now = this.deps.now();
    const title = from
      ? await this.deps.live.write(
          mapDocumentName(from.mapId),
          { author: viewer.userId },
          (doc) => {
            const card = cardsOf(readJourneyMap(doc)).find((c) => c.id === from.cardId);
            if (!card) throw new OpportunityRefusal(404, "No such card in this map");
            if (card.kind !== "opportunity")
              throw new OpportunityRefusal(
                400,
                "Only an opportunity card can be added to the library",
              );
            if (card.libraryOpportunityId !== null)
              throw new OpportunityRefusal(409, "This card is in the library already");
            linkCard(doc, card.id, id, ORIGIN);
            const named = input.title?.trim();
            if (named) updateCard(doc, card.id, { title: named }, ORIGIN);
            return named || card.title;
          },
        )
      : input.title!.trim();
    const record: LibraryOpportunityRecord = {
      id,
      workspaceId: viewer.workspaceId,
      title,
      value: null,
      effort: null,
      status: "open",
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
      updatedBy: viewer.userId,
    };
    await this.table.createOpportunity(record);
    if (from) await this.table.addLink({ opportunityId: id, ...from, createdAt: now });
    return this.answerOf(record, standing);
  }

  async update(
    viewer: Viewer,
    opportunityId: string,
    change: UpdateLibraryOpportunityBody,
  ): Promise<{ opportunity: LibraryOpportunity; skippedMaps: number }> {
    const standing = await this.editorStanding(viewer);
    const record = await this.found(viewer, opportunityId);
    const title = change.title?.trim();
    if (change.title !== undefined && !title) throw new OpportunityRefusal(400, "title is empty");
    await this.table.updateOpportunity(opportunityId, {
      ...(title ? { title } : {}),
      ...(change.value !== undefined ? { value: change.value } : {}),
      ...(change.effort !== undefined ? { effort: change.effort } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      updatedAt: this.deps.now(),
      updatedBy: viewer.userId,
    });
    const skippedMaps =
      title && title !== record.title
        ? await this.renameCards(viewer, standing, record.id, title)
        : 0;
    const updated = await this.found(viewer, opportunityId);
    return { opportunity: await this.answerOf(updated, standing), skippedMaps };
  }

  async link(
    viewer: Viewer,
    opportunityId: string,
    target: { mapId: string; stepId?: string | undefined; cardId?: string | undefined },
  ): Promise<{ mapId: string; cardId: string }> {
    const standing = await this.editorStanding(viewer);
    const record = await this.found(viewer, opportunityId);
    if ((target.stepId === undefined) === (target.cardId === undefined))
      throw new OpportunityRefusal(400, "Give either a stepId or a cardId");
    this.mayEditMap(standing, target.mapId);
    const cardId = await this.deps.live.write(
      mapDocumentName(target.mapId),
      { author: viewer.userId },
      (doc) => {
        const map = readJourneyMap(doc);
        if (target.stepId !== undefined) {
          if (!map.touchpoints.some((t) => t.id === target.stepId))
            throw new OpportunityRefusal(404, "No such step in this map");
          const id = addCard(
            doc,
            {
              kind: "opportunity",
              touchpointId: target.stepId as TouchpointId,
              title: record.title,
              status: record.status as CardStatus,
            },
            ORIGIN,
          );
          linkCard(doc, id, record.id, ORIGIN);
          return id as string;
        }
        const card = cardsOf(map).find((c) => c.id === target.cardId);
        if (card?.kind !== "opportunity")
          throw new OpportunityRefusal(404, "No such opportunity card in this map");
        linkCard(doc, card.id, record.id, ORIGIN);
        updateCard(doc, card.id, { title: record.title }, ORIGIN);
        return card.id as string;
      },
    );
    await this.table.addLink({
      opportunityId,
      mapId: target.mapId,
      cardId,
      createdAt: this.deps.now(),
    });
    return { mapId: target.mapId, cardId };
  }

  /** Unlinks one card (it stays in its map, as a card of that map only). */
  async unlink(viewer: Viewer, opportunityId: string, mapId: string, cardId: string) {
    const standing = await this.editorStanding(viewer);
    await this.found(viewer, opportunityId);
    this.mayEditMap(standing, mapId);
    const unlinked = await this.deps.live.write(
      mapDocumentName(mapId),
      { author: viewer.userId },
      (doc) => {
        const card = cardsOf(readJourneyMap(doc)).find((c) => c.id === cardId);
        if (card?.libraryOpportunityId !== opportunityId) return false;
        return linkCard(doc, card.id, null, ORIGIN);
      },
    );
    const removed = await this.table.removeLink(opportunityId, mapId, cardId);
    if (!unlinked && !removed) throw new OpportunityRefusal(404, "This card is not linked to it");
  }

  private async editorStanding(viewer: Viewer): Promise<Standing> {
    const standing = await this.standing(viewer);
    if (!standing.mayEdit)
      throw new OpportunityRefusal(
        403,
        "Guests may look at library opportunities, not change them",
      );
    return standing;
  }

  private async found(viewer: Viewer, id: string): Promise<LibraryOpportunityRecord> {
    const record = isLibraryOpportunityId(id) ? await this.table.getOpportunity(id) : null;
    if (!record || record.workspaceId !== viewer.workspaceId)
      throw new OpportunityRefusal(404, "No such library opportunity");
    return record;
  }

  private mayEditMap(standing: Standing, mapId: string): void {
    const role = standing.roles.get(mapId);
    if (role === undefined) throw new OpportunityRefusal(404, "No such map in this workspace");
    if (!canEdit(role)) throw new OpportunityRefusal(403, "You may not edit that map");
  }

  /** Writes the new title into every linked card of the maps the person may edit. */
  private async renameCards(
    viewer: Viewer,
    standing: Standing,
    opportunityId: string,
    title: string,
  ): Promise<number> {
    const mapIds = [...new Set((await this.table.linksOf([opportunityId])).map((l) => l.mapId))];
    let skipped = 0;
    for (const [index, mapId] of mapIds.entries()) {
      const role = standing.roles.get(mapId);
      if (index >= MAX_RENAME_FANOUT || role === undefined || !canEdit(role)) {
        skipped += 1;
        continue;
      }
      await this.deps.live.write(mapDocumentName(mapId), { author: viewer.userId }, (doc) => {
        for (const card of cardsOf(readJourneyMap(doc)))
          if (card.libraryOpportunityId === opportunityId && card.title !== title)
            updateCard(doc, card.id as CardId, { title }, ORIGIN);
      });
    }
    return skipped;
  }

  /** The links worth showing, per opportunity: in maps the person may open, and still there. */
  private async linksShown(
    records: readonly LibraryOpportunityRecord[],
    standing: Standing,
  ): Promise<Map<string, LibraryOpportunityLinkInfo[]>> {
    const rows = (await this.table.linksOf(records.map((r) => r.id))).filter((l) =>
      standing.titles.has(l.mapId),
    );
    const summaries = new Map<string, StoredSummary>(
      (await this.deps.store.library().summaries([...new Set(rows.map((l) => l.mapId))])).map(
        (s) => [s.mapId, s],
      ),
    );
    const shown = new Map<string, LibraryOpportunityLinkInfo[]>();
    for (const link of rows) {
      const info = linkInfo(link, summaries.get(link.mapId), standing.titles.get(link.mapId) ?? "");
      if (info) shown.set(link.opportunityId, [...(shown.get(link.opportunityId) ?? []), info]);
    }
    return shown;
  }

  private async answerOf(record: LibraryOpportunityRecord, standing: Standing) {
    const [answer] = await this.answers([record], await this.linksShown([record], standing));
    return answer!;
  }

  private async answers(
    records: readonly LibraryOpportunityRecord[],
    links: ReadonlyMap<string, LibraryOpportunityLinkInfo[]>,
  ): Promise<LibraryOpportunity[]> {
    const shown = await this.deps.authors.show(records.map((r) => r.updatedBy));
    return records.map((r) => ({
      id: r.id,
      workspaceId: r.workspaceId,
      title: r.title,
      value: r.value,
      effort: r.effort,
      status: r.status as CardStatus,
      updatedAt: r.updatedAt,
      updatedBy: shown(r.updatedBy).author,
      links: links.get(r.id) ?? [],
    }));
  }
}

/**
 * A link as shown: the card with its step, when the map's summary has it carrying the
 * opportunity's id; while the summary is older than the link, the card as just linked.
 */
function linkInfo(
  link: LibraryOpportunityLink,
  stored: StoredSummary | undefined,
  mapTitle: string,
): LibraryOpportunityLinkInfo | null {
  const pending = { mapId: link.mapId, mapTitle, cardId: link.cardId, stepId: "", stepName: "" };
  if (!stored) return pending;
  const summary = JSON.parse(stored.summary) as MapSummary;
  const card = summary.cards.find((c) => c.id === link.cardId);
  if (!card || card.libraryOpportunityId !== link.opportunityId)
    return stored.updatedAt < link.createdAt ? pending : null;
  const step = summary.steps.find((s) => s.id === card.stepId);
  return { ...pending, stepId: card.stepId, stepName: step?.name ?? "" };
}
