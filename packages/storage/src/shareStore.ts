/**
 * A map shared with one person, with a role: an account (`userId`), or an email address
 * invited to the map's workspace (`email`, pending until someone with that address is in the
 * workspace, when it becomes theirs: ShareStore.claimShares).
 */
import type { Role } from "@journeymap/protocol";

export interface MapShare {
  readonly id: string;
  readonly mapId: string;
  /** Exactly one of userId and email is set. */
  readonly userId: string | null;
  /** Stored lower-case. */
  readonly email: string | null;
  readonly role: Role;
  /** The account that shared it. */
  readonly createdBy: string;
  readonly createdAt: number;
}

export interface ShareStore {
  /** A map's shares, oldest first. */
  listShares(mapId: string): Promise<MapShare[]>;
  /**
   * Shares the map with the person of `share` (its userId or email), or changes the role of
   * their share if they have one; returns the share as stored (the existing id in that case).
   */
  putShare(share: MapShare): Promise<MapShare>;
  /** Deletes one share of a map and returns it; null when the map has no such share. */
  deleteShare(mapId: string, id: string): Promise<MapShare | null>;
  /** Deletes shares of a map by id. */
  deleteShares(mapId: string, ids: readonly string[]): Promise<void>;
  /** The shares with a person: theirs, and pending ones for their email (lower-cased). */
  sharesWith(userId: string, email: string): Promise<MapShare[]>;
  /** Makes the pending shares for `email` on the given maps the account's; returns how many. */
  claimShares(email: string, userId: string, mapIds: readonly string[]): Promise<number>;
}
