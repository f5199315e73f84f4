/**
 * Who a live connection is, as the server records it everywhere (logged updates, comments,
 * presence): a signed-in person is their account (id, name, a colour of their own); anyone
 * else came by a link and is a guest, `guest:<digest>` with the name they typed. A guest's id
 * is a digest the server makes (of the map and the browser's key, see sync/Access.ts), so
 * no one can choose it, and it never equals an account id: a guest who types an account's
 * name is still shown, logged and checked as a guest.
 */
import { guestAuthor, guestId } from "@journeymap/protocol";
import { PALETTE } from "@journeymap/schema";

export interface Identity {
  /** The account id, or `guest:<digest>`. */
  readonly id: string;
  readonly name: string;
  /** Presence and caret colour (#rrggbb). */
  readonly colour: string;
  readonly guest: boolean;
  /** What the log records as the author of this connection's updates. */
  readonly author: string;
}

const MAX_NAME = 40;

/** A guest's typed name, cleaned: no control characters, at most 40 characters, or "Guest". */
export function displayName(raw: string | null): string {
  const name = (raw ?? "")
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, MAX_NAME);
  return name || "Guest";
}

/** People's colours carry white labels (avatars, carets): leave out the palette's yellow. */
const PEOPLE_COLOURS = PALETTE.filter((c) => c !== "#f0e442");

/** A colour from the palette, the same for the same key. */
export function colourFor(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return PEOPLE_COLOURS[Math.abs(h) % PEOPLE_COLOURS.length] as string;
}

export function accountIdentity(user: { readonly id: string; readonly name: string }): Identity {
  return {
    id: user.id,
    name: user.name,
    colour: colourFor(user.id),
    guest: false,
    author: user.id,
  };
}

/**
 * A guest: `digest` says who they are on this map (server-made), `name` is what they typed,
 * `colourKey` picks their colour (one per connection and link, as before accounts).
 */
export function guestIdentity(digest: string, name: string, colourKey: string): Identity {
  const id = guestId(digest);
  return { id, name, colour: colourFor(colourKey), guest: true, author: guestAuthor(id, name) };
}
