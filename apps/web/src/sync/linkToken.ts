/**
 * What to do with a token that arrives in a link (`/maps/<id>#token=…`) when this browser
 * already holds one for the map. A crafted link must not take away access we have: a token
 * that does not open the map never replaces one that does, and a link that gives less than
 * we hold (a viewer link opened by the owner) only replaces it if the person says so.
 */

/** Roles by how much they allow; a contributor link opens no board at all. */
const RANK: Readonly<Record<string, number>> = {
  contributor: 0,
  viewer: 1,
  commenter: 2,
  editor: 3,
  owner: 4,
};

export type LinkChoice = "adopt" | "keep" | "ask";

export interface TokenRole {
  readonly token: string;
  /** The role the server grants for it; null when it does not open the map. */
  readonly role: string | null;
}

export function chooseLinkToken(held: TokenRole | null, incoming: TokenRole): LinkChoice {
  if (!held || held.token === "") return "adopt";
  if (held.token === incoming.token) return "keep";
  if (held.role === null) return "adopt"; // ours no longer works: the link can only help
  if (incoming.role === null) return "keep";
  return (RANK[incoming.role] ?? 0) >= (RANK[held.role] ?? 0) ? "adopt" : "ask";
}
