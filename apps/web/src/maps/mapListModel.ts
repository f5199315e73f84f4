/**
 * The signed-in map list's rules, apart from React: which workspace is shown, where new maps
 * can go, what a card says about the last edit and the trash.
 */
import { ROLE, WORKSPACE_ROLE } from "@journeymap/protocol";
import {
  type Me,
  type MeWorkspace,
  TRASH_DAYS,
  type WorkspaceMap,
} from "@journeymap/protocol/http";
import { formatAgo } from "../ui/formatDate.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The workspaces a person can put maps in: those they are an admin or member of. */
export function creatableWorkspaces(me: Me): MeWorkspace[] {
  return me.workspaces.filter((w) => w.role !== WORKSPACE_ROLE.guest);
}

/** The workspace shown: the one chosen before if the person still belongs to it, else the first. */
export function shownWorkspace(me: Me, chosen: string | null): MeWorkspace | null {
  return (
    me.workspaces.find((w) => w.id === chosen) ??
    creatableWorkspaces(me)[0] ??
    me.workspaces[0] ??
    null
  );
}

/** Whole days before a map in the trash is deleted for good (0 on its last day). */
export function daysLeftInTrash(deletedAt: number, now: number): number {
  return Math.max(0, Math.ceil((deletedAt + TRASH_DAYS * DAY_MS - now) / DAY_MS) - 1);
}

/** "Deleted for good in 12 days", "… tomorrow", "… today". */
export function trashNote(deletedAt: number, now: number): string {
  const days = daysLeftInTrash(deletedAt, now);
  if (days === 0) return "Deleted for good today";
  if (days === 1) return "Deleted for good tomorrow";
  return `Deleted for good in ${days} days`;
}

/** "Edited 5 minutes ago by Ana", or when it was made if nobody edited it yet. */
export function lastEditNote(map: WorkspaceMap, now: number): string {
  if (map.updatedBy === null) return `Created ${formatAgo(map.createdAt, now)}`;
  return `Edited ${formatAgo(map.updatedAt, now)} by ${map.updatedBy.name}`;
}

/** Roles that may trash and move a map (the server has the last word: a member who did not create it cannot). */
export function mayManage(map: WorkspaceMap): boolean {
  return map.role === ROLE.owner || map.role === ROLE.editor;
}
