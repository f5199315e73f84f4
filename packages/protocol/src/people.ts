/**
 * Who did something, as the server records it: a logged update's `author`, a comment's
 * `authorId`, a version's `createdBy`, presence's `user.id`. A signed-in person is their
 * account id. A guest who came by a link is `guest:<digest>` (the server derives the digest;
 * no one can choose it), and their logged updates also carry the name they gave, so history
 * can name them. Rows from before accounts hold a self-declared name, or "server".
 */

export const GUEST_ID_PREFIX = "guest:";

/** Separates a guest's id from their name in a logged update's author (ids never hold it). */
const NAME_SEPARATOR = "/";

export function isGuestId(id: string): boolean {
  return id.startsWith(GUEST_ID_PREFIX);
}

/** A guest's id from the server's digest of who they are. */
export function guestId(digest: string): string {
  return `${GUEST_ID_PREFIX}${digest}`;
}

/** The author of a guest's logged updates: `guest:<digest>/<name>`. */
export function guestAuthor(id: string, name: string): string {
  return `${id}${NAME_SEPARATOR}${name}`;
}

export type AuthorRef =
  /** A guest by a link, with the name they gave. */
  | { readonly kind: "guest"; readonly id: string; readonly name: string }
  /** An account id, "server", or a name from before accounts: only the server can tell. */
  | { readonly kind: "recorded"; readonly id: string };

/** What a recorded author says on its own. */
export function readAuthor(author: string): AuthorRef {
  if (!isGuestId(author)) return { kind: "recorded", id: author };
  const at = author.indexOf(NAME_SEPARATOR, GUEST_ID_PREFIX.length);
  return at < 0
    ? { kind: "guest", id: author, name: "" }
    : { kind: "guest", id: author.slice(0, at), name: author.slice(at + 1) };
}
