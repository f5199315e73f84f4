/**
 * Which maps a signed-in person may open, and with which role (the rule: mapRoles.ts), over
 * the store (maps, shares, workspace settings) and the accounts (who belongs to which
 * workspace). A map in the trash opens for nobody; a map in no workspace (made before
 * accounts, unclaimed) opens for no account, only by its links.
 *
 * A share made by email invitation is pending until a person with that address is in the
 * map's workspace (they accepted the invitation, or an admin added them): from then on it is
 * theirs, and the first read that sees it hands it over (ShareStore.claimShares).
 */
import type { Role, WorkspaceRole } from "@journeymap/protocol";
import type { MapPolicy, MapQuery, MapRecord, MapShare, MapStore } from "@journeymap/storage";
import { mapRoleOf, mayAddMaps } from "./mapRoles.ts";

/** What AccountAccess asks of accounts (@journeymap/accounts' Accounts answers it). */
export interface PeopleDirectory {
  workspacesOf(
    userId: string,
  ): Promise<readonly { readonly id: string; readonly role: WorkspaceRole }[]>;
  findUser(userId: string): Promise<{ readonly email: string } | null>;
}

export type AccountAccessStore = Pick<
  MapStore,
  "mapPolicy" | "listShares" | "sharesWith" | "claimShares" | "findMaps" | "getWorkspaceSettings"
>;

/** A map in a person's list, with their role on it. */
export interface ListedMap extends MapRecord {
  readonly role: Role;
}

/** What a person's map list asks for (MapQuery without the maps it may contain). */
export type MapListQuery = Omit<MapQuery, "workspaceIds" | "mapIds"> & {
  /** Only this workspace's maps. */
  readonly workspaceId?: string;
};

/** Where a person stands with a map: their workspace role there and their role on the map. */
export interface Standing {
  readonly workspaceRole: WorkspaceRole | null;
  /** As if the map were not in the trash (restoring needs it); null: none. */
  readonly role: Role | null;
  readonly policy: MapPolicy;
}

export class AccountAccess {
  private readonly store: AccountAccessStore;
  private readonly people: PeopleDirectory;

  constructor(store: AccountAccessStore, people: PeopleDirectory) {
    this.store = store;
    this.people = people;
  }

  /** The person's role on the map; null: none (or no such map, or it is in the trash). */
  async roleOnMap(userId: string, mapId: string): Promise<Role | null> {
    const standing = await this.standing(userId, mapId);
    return standing && standing.policy.deletedAt === null ? standing.role : null;
  }

  /** The person's role in a workspace, null when they are not in it. */
  async workspaceRole(userId: string, workspaceId: string): Promise<WorkspaceRole | null> {
    const memberships = await this.people.workspacesOf(userId);
    return memberships.find((m) => m.id === workspaceId)?.role ?? null;
  }

  /** Where the person stands with a map, trash or not; null when there is no such map. */
  async standing(userId: string, mapId: string): Promise<Standing | null> {
    const policy = await this.store.mapPolicy(mapId);
    if (policy === null) return null;
    const workspaceRole =
      policy.workspaceId === null ? null : await this.workspaceRole(userId, policy.workspaceId);
    if (workspaceRole === null) return { workspaceRole, role: null, policy };
    const share = await this.shareOf(userId, mapId);
    return {
      workspaceRole,
      role: mapRoleOf(workspaceRole, share?.role ?? null, policy.defaultMapRole),
      policy,
    };
  }

  /** The maps the person may open (or, in the trash, could), each with their role. */
  async listMaps(userId: string, query: MapListQuery): Promise<ListedMap[]> {
    const { workspaceId, ...rest } = query;
    const memberships = (await this.people.workspacesOf(userId)).filter(
      (m) => workspaceId === undefined || m.id === workspaceId,
    );
    const workspaceRoles = new Map(memberships.map((m) => [m.id, m.role]));
    const email = (await this.people.findUser(userId))?.email ?? "";
    const shares = await this.store.sharesWith(userId, email);
    const maps = await this.store.findMaps({
      ...rest,
      workspaceIds: memberships.filter((m) => mayAddMaps(m.role)).map((m) => m.id),
      mapIds: [...new Set(shares.map((s) => s.mapId))],
    });
    const defaults = new Map<string, Role>();
    const listed: ListedMap[] = [];
    for (const map of maps) {
      const workspaceRole = map.workspaceId ? (workspaceRoles.get(map.workspaceId) ?? null) : null;
      if (workspaceRole === null || map.workspaceId === null) continue;
      if (!defaults.has(map.workspaceId))
        defaults.set(
          map.workspaceId,
          (await this.store.getWorkspaceSettings(map.workspaceId)).defaultMapRole,
        );
      // Their own share first: a pending one for their email may remain beside it.
      const ofMap = shares.filter((s) => s.mapId === map.id);
      const shared = (ofMap.find((s) => s.userId === userId) ?? ofMap[0])?.role ?? null;
      const role = mapRoleOf(workspaceRole, shared, defaults.get(map.workspaceId)!);
      if (role !== null) listed.push({ ...map, role });
    }
    const pending = shares.filter((s) => s.email !== null && listed.some((m) => m.id === s.mapId));
    if (pending.length > 0)
      await this.store.claimShares(
        email,
        userId,
        pending.map((s) => s.mapId),
      );
    return listed;
  }

  /** The person's share of a map, taking over a pending one for their email. */
  private async shareOf(userId: string, mapId: string): Promise<MapShare | null> {
    const shares = await this.store.listShares(mapId);
    const own = shares.find((s) => s.userId === userId);
    if (own || !shares.some((s) => s.email !== null)) return own ?? null;
    const email = (await this.people.findUser(userId))?.email.toLowerCase();
    const pending = shares.find((s) => s.email !== null && s.email === email);
    if (!pending || !email) return null;
    await this.store.claimShares(email, userId, [mapId]);
    return { ...pending, userId, email: null };
  }
}
