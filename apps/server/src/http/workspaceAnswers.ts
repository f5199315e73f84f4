/**
 * The answers of a signed-in person's map routes, from what the store keeps: a map with the
 * person's role and who edited it last (by name), a share with the name of its person.
 */
import type { AccountUser } from "@journeymap/accounts";
import type { Role } from "@journeymap/protocol";
import type { MapShare, ShareRole, WorkspaceMap } from "@journeymap/protocol/http";
import type { MapRecord, MapShare as StoredShare } from "@journeymap/storage";
import type { AuthorNames } from "../people/AuthorNames.ts";

export interface WorkspaceAnswers {
  maps(maps: readonly (MapRecord & { readonly role: Role })[]): Promise<WorkspaceMap[]>;
  shares(shares: readonly StoredShare[]): Promise<MapShare[]>;
}

export function workspaceAnswers(
  authors: AuthorNames,
  findUser: (userId: string) => Promise<AccountUser | null>,
): WorkspaceAnswers {
  return {
    async maps(maps) {
      const shown = await authors.show(maps.flatMap((m) => (m.updatedBy ? [m.updatedBy] : [])));
      return maps.map((m) => {
        const editor = m.updatedBy === null ? null : shown(m.updatedBy);
        return {
          id: m.id,
          title: m.title,
          workspaceId: m.workspaceId,
          createdAt: m.createdAt,
          updatedAt: m.updatedAt,
          updatedBy: editor && { id: editor.authorId, name: editor.author },
          role: m.role,
          deletedAt: m.deletedAt,
        };
      });
    },

    async shares(shares) {
      const names = new Map<string, string | null>();
      for (const s of shares)
        if (s.userId !== null && !names.has(s.userId))
          names.set(s.userId, (await findUser(s.userId))?.name ?? null);
      return shares.map((s) => ({
        id: s.id,
        userId: s.userId,
        email: s.email,
        name: s.userId === null ? null : (names.get(s.userId) ?? null),
        // Shares are made with these roles only (ShareMapBody).
        role: s.role as ShareRole,
        pending: s.userId === null,
        createdAt: s.createdAt,
      }));
    },
  };
}
