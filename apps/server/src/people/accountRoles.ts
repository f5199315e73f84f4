/**
 * What the server asks about signed-in people and maps: their role on a map (an explicit
 * share wins, else their workspace role; null: none). `AccountAccess` in @journeymap/access
 * answers it over the store and the accounts; tests may give a table.
 */
import type { Role } from "@journeymap/protocol";

export interface AccountRoles {
  roleOnMap(userId: string, mapId: string): Promise<Role | null>;
}
