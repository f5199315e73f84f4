/**
 * Branches of maps (issue 17), the server's part: a branch is made through the one path maps
 * come into being (`createOwnedMap`), seeded with the original's exact state at the chosen
 * moment (from the history), and recorded with where it came from. The branch moment is also
 * named as a version of the original: named versions pin history against retention, so the
 * base of a later merge (the original at that moment) stays replayable.
 *
 * Editing one map never touches the other: they are separate documents; only this registry
 * links them. Merging back is the client's forward edit on the live original (see
 * packages/schema/src/branch/applyMerge.ts), not a server write.
 */
import { type AccessService, createOwnedMap } from "@journeymap/access";
import type { BranchInfo, BranchList } from "@journeymap/protocol/http";
import { type MapOrigin, randomId, updateMapMeta } from "@journeymap/schema";
import type { BranchRecord, MapStore } from "@journeymap/storage";
import * as Y from "yjs";
import type { HistoryService } from "../history/HistoryService.ts";
import type { AuthorNames } from "../people/AuthorNames.ts";
import { ServiceRefusal } from "../ServiceRefusal.ts";

/** Most branches one list answer carries (each costs two log lookups). */
export const MAX_LISTED_BRANCHES = 100;

/** The server's own origin for the one edit it makes to a new branch: its title. */
const BRANCH_ORIGIN: MapOrigin = Object.freeze({ kind: "server", reason: "branch" });

export class BranchRefusal extends ServiceRefusal<404 | 410 | 416> {
  override name = "BranchRefusal";
}

export interface NewBranch {
  readonly sourceMapId: string;
  readonly name: string;
  /** The moment (default: the last edit). */
  readonly seq?: number | undefined;
  /** The workspace it goes in (null: links only) and the account creating it. */
  readonly workspaceId: string | null;
  readonly createdBy: string | null;
  /** Who made it, as authors are recorded (an account id or a guest author). */
  readonly author: string;
}

export interface BranchServiceOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly history: HistoryService;
  readonly authors: AuthorNames;
  readonly now: () => number;
}

export class BranchService {
  private readonly options: BranchServiceOptions;

  constructor(options: BranchServiceOptions) {
    this.options = options;
  }

  /** Makes the branch; refuses a moment outside the original's log. */
  async create(branch: NewBranch) {
    const { store, access, history, now } = this.options;
    const bounds = await history.bounds(branch.sourceMapId);
    const seq = branch.seq ?? bounds.last;
    if (seq > bounds.last) {
      throw new BranchRefusal(416, `seq ${seq} is after the map's last edit (${bounds.last})`);
    }
    if (seq < Math.max(1, bounds.first)) {
      throw new BranchRefusal(
        410,
        `The earliest moment to branch from is ${Math.max(1, bounds.first)}`,
      );
    }
    const seed = seedOf(await history.stateAt(branch.sourceMapId, seq), branch.name);
    const createdAt = now();
    const map = await createOwnedMap(store, access, {
      title: branch.name,
      createdAt,
      seed,
      workspaceId: branch.workspaceId,
      createdBy: branch.createdBy,
    });
    const record: BranchRecord = {
      id: map.id,
      sourceMapId: branch.sourceMapId,
      sourceSeq: seq,
      name: branch.name,
      createdAt,
      createdBy: branch.author,
      archivedAt: null,
    };
    await store.branches().createBranch(record);
    await store.createVersion({
      id: randomId(),
      mapId: branch.sourceMapId,
      seq,
      name: `Branched: ${branch.name}`.slice(0, 200),
      createdAt,
      createdBy: branch.author,
    });
    return { map, branch: (await this.describe([record]))[0]! };
  }

  /** The map's branches (those whose map is still there), and the map it is a branch of. */
  async list(mapId: string): Promise<BranchList> {
    const { store } = this.options;
    const records = (await store.branches().listBranches(mapId)).slice(-MAX_LISTED_BRANCHES);
    const live = new Set(
      (await store.getMaps(records.map((r) => r.id)))
        .filter((m) => m.deletedAt === null)
        .map((m) => m.id),
    );
    const own = await store.branches().getBranch(mapId);
    const listed = await this.describe(records.filter((r) => live.has(r.id)));
    return { branchOf: own ? (await this.describe([own]))[0]! : null, branches: listed };
  }

  /** The branch `branchId` of `mapId`, or null. */
  async find(mapId: string, branchId: string): Promise<BranchRecord | null> {
    const record = await this.options.store.branches().getBranch(branchId);
    return record?.sourceMapId === mapId ? record : null;
  }

  async archive(mapId: string, branchId: string, archived: boolean): Promise<BranchInfo | null> {
    const { store, now } = this.options;
    if (!(await store.branches().archiveBranch(mapId, branchId, archived ? now() : null)))
      return null;
    const record = await store.branches().getBranch(branchId);
    return record ? (await this.describe([record]))[0]! : null;
  }

  /** Records as answers: who made them by name, and how far each side went since. */
  private async describe(records: readonly BranchRecord[]): Promise<BranchInfo[]> {
    const { history, authors } = this.options;
    const shown = await authors.show(records.map((r) => r.createdBy));
    return Promise.all(
      records.map(async (r) => {
        const [branch, original] = await Promise.all([
          history.bounds(r.id),
          history.bounds(r.sourceMapId),
        ]);
        return {
          ...r,
          createdBy: shown(r.createdBy).author,
          // The branch's first row is its seed.
          branchEdits: Math.max(0, branch.last - 1),
          originalEdits: Math.max(0, original.last - r.sourceSeq),
        };
      }),
    );
  }
}

/** The branch's first row: the original's state at the moment, titled with the branch's name. */
function seedOf(state: Uint8Array, name: string): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    updateMapMeta(doc, { title: name }, { origin: BRANCH_ORIGIN });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
