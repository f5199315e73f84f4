/**
 * What a connection may do to comment threads: start threads and write comments as themselves,
 * change or delete only their own comments, and reopen a thread by replying. Resolving,
 * retitling or deleting threads is for editors and owners (moderators), who resolve threads
 * and triage the inbox as themselves too. No one changes other people's comments.
 * "Themselves" is the connection's identity (sync/Access.ts): a comment's `author` must be
 * the connection's display name and its `authorId` the id the server gave it (an account's
 * id, or a guest's), a resolution's `by`/`byId` and a triage decision's `by` likewise.
 *
 * The update is read without applying it: each item it adds or deletes is traced up to the
 * entry of `threads` or `comments` it lies in, and to the entry's field (updatePlaces.ts).
 * Items whose place cannot be known yet are refused; the root check already refuses such
 * updates. The checks run in the order below: new entries, then their fields and the fields
 * of stored entries, then whether every new entry names its author, then deletions.
 */
import { TALK_ROOT } from "@journeymap/schema";
import * as Y from "yjs";
import { type Place, type UpdatePlaces, updatePlaces } from "./updatePlaces.ts";

export interface Identity {
  readonly name: string;
  readonly authorId: string;
  /** Editors and owners: they resolve threads and triage the inbox. */
  readonly moderator: boolean;
}

/** Fields that hold who wrote an entry (the layout's THREAD/COMMENT `author`, `authorId`). */
const AUTHOR = "author";
const AUTHOR_ID = "authorId";
/** A thread's resolution: a commenter may only clear it (a reply reopens the thread). */
const RESOLVED = "resolved";
/** An inbox item's triage decision (ITEM.decision): `{ status, by, at, … }` or null. */
const DECISION = "decision";

const UNKNOWN_PLACE = "an update whose place in the document is not known";
const AS_MYSELF = "comments are written as the connection's own identity";

/** Roots with written authors: their new entries must name the connection. */
const authored = (root: string) => root === TALK_ROOT.threads || root === TALK_ROOT.comments;
const watched = (root: string) => authored(root) || root === TALK_ROOT.inbox;

/** New entries of an update, with the author fields written for them. */
type Created = Map<Y.Item, Set<string>>;

const ownerOf = (entry: Y.Item): unknown =>
  entry.content instanceof Y.ContentType && entry.content.type instanceof Y.Map
    ? entry.content.type.get(AUTHOR_ID)
    : undefined;

const valueIs = (item: Y.Item, expected: unknown) =>
  item.content instanceof Y.ContentAny &&
  item.content.arr.length === 1 &&
  item.content.arr[0] === expected;

/** A plain object value whose fields match `fields` (what a resolution or decision says). */
function valueHas(item: Y.Item, fields: Readonly<Record<string, unknown>>): boolean {
  if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return false;
  const value = item.content.arr[0] as Record<string, unknown> | null;
  return (
    typeof value === "object" &&
    value !== null &&
    Object.entries(fields).every(([k, v]) => value[k] === v || (v === undefined && !(k in value)))
  );
}

/** What the connection `me` may write: the rules, apart from how the update is read. */
interface Rules {
  readonly me: Identity;
  /** A resolution (or its clearing) as this connection: a commenter may only clear one. */
  resolvesAsMe(item: Y.Item): boolean;
  /** A triage decision (or its clearing) as this connection; `byId` when it has one. */
  decidesAsMe(item: Y.Item): boolean;
  /** Why a change to an entry that was there before this update is refused, or null. */
  changeToExisting(place: Place, item: Y.Item | null): string | null;
}

function rulesFor(me: Identity): Rules {
  const resolvesAsMe = (item: Y.Item) =>
    valueIs(item, null) || (me.moderator && valueHas(item, { by: me.name, byId: me.authorId }));
  const decidesAsMe = (item: Y.Item) =>
    valueIs(item, null) ||
    valueHas(item, { by: me.name, byId: me.authorId }) ||
    valueHas(item, { by: me.name, byId: undefined });
  const changeToExisting = (place: Place, item: Y.Item | null): string | null => {
    if (place.root === TALK_ROOT.inbox) {
      const decides = place.field === DECISION && place.isValue && item !== null;
      return decides && !decidesAsMe(item) ? "a triage decision is the connection's own" : null;
    }
    if (place.root === TALK_ROOT.threads) {
      if (place.field === AUTHOR || place.field === AUTHOR_ID) return "a thread's author is fixed";
      const resolves = place.field === RESOLVED && place.isValue;
      if (resolves && (item === null || resolvesAsMe(item))) return null;
      if (me.moderator)
        return resolves ? "a thread is resolved as the connection's own identity" : null;
      return "only editors and owners resolve, change or delete threads";
    }
    if (ownerOf(place.entry) !== me.authorId) return "a comment may be changed only by its author";
    if (item && place.isValue && place.field === AUTHOR && !valueIs(item, me.name))
      return "a comment's author is the connection's own name";
    if (item && place.field === AUTHOR_ID && !(place.isValue && valueIs(item, me.authorId)))
      return "a comment's author id is the connection's own";
    return null;
  };
  return { me, resolvesAsMe, decidesAsMe, changeToExisting };
}

/**
 * Why `update` from a commenter with identity `me` is refused, or null when it is not. Only
 * the comment roots are looked at: other roots are the root check's business.
 */
export function refuseCommentUpdate(doc: Y.Doc, update: Uint8Array, me: Identity): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const where = updatePlaces(doc, structs);
  const places = watchedPlaces(structs, where);
  if (typeof places === "string") return places;
  const rules = rulesFor(me);
  const created: Created = new Map();
  return (
    refuseNewEntries(doc, places, rules, created) ??
    refuseFields(places, where, rules, created) ??
    refuseUnsigned(created) ??
    refuseDeletions(doc, ds, where, rules)
  );
}

/** The places of the update's new items under the watched roots, or why one is refused. */
function watchedPlaces(
  structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>,
  where: UpdatePlaces,
): Map<Y.Item, Place> | string {
  const fresh = structs.filter(
    (s): s is Y.Item => s instanceof Y.Item && s.id.clock + s.length > where.known(s.id.client),
  );
  const places = new Map<Y.Item, Place>();
  for (const struct of fresh) {
    const place = where.placeOf(struct);
    if (place === null) continue;
    if (place === undefined) return UNKNOWN_PLACE;
    if (watched(place.root)) places.set(struct, place);
  }
  return places;
}

/**
 * New entries of the authored roots, noted in `created`. Checked before any field, so that
 * their fields find them whatever order the update holds them in.
 */
function refuseNewEntries(
  doc: Y.Doc,
  places: ReadonlyMap<Y.Item, Place>,
  rules: Rules,
  created: Created,
): string | null {
  for (const [struct, place] of places) {
    if (place.entry !== struct || !authored(place.root)) continue;
    if (place.key === null) return "entries of the comment roots have a key";
    if (!(struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Map))
      return "entries of the comment roots are maps";
    // Setting a key that holds an entry replaces (deletes) that entry.
    const current = doc.getMap(place.root)._map.get(place.key);
    if (current && !current.deleted) {
      const why = rules.changeToExisting({ ...place, entry: current, field: null }, null);
      if (why) return why;
    }
    created.set(struct, new Set());
  }
  return null;
}

/** Fields written by the update: of stored entries, of new inbox items, of new entries. */
function refuseFields(
  places: ReadonlyMap<Y.Item, Place>,
  where: UpdatePlaces,
  rules: Rules,
  created: Created,
): string | null {
  const { me } = rules;
  for (const [struct, place] of places) {
    if (place.entry === struct) continue;
    if (where.isStored(place.entry)) {
      const why = rules.changeToExisting(place, struct);
      if (why) return why;
      continue;
    }
    if (!authored(place.root)) {
      if (place.field === DECISION && !(place.isValue && rules.decidesAsMe(struct)))
        return "a triage decision is the connection's own";
      continue;
    }
    const fields = created.get(place.entry);
    if (!fields) return UNKNOWN_PLACE;
    if (place.field === RESOLVED) {
      if (!(place.isValue && rules.resolvesAsMe(struct)))
        return me.moderator
          ? "a thread is resolved as the connection's own identity"
          : "only editors and owners resolve threads";
    } else if (place.field === AUTHOR || place.field === AUTHOR_ID) {
      const expected = place.field === AUTHOR ? me.name : me.authorId;
      if (!(place.isValue && valueIs(struct, expected))) return AS_MYSELF;
      fields.add(place.field);
    }
  }
  return null;
}

/** Every new entry names its author (both fields). */
function refuseUnsigned(created: Created): string | null {
  for (const fields of created.values())
    if (!fields.has(AUTHOR) || !fields.has(AUTHOR_ID)) return AS_MYSELF;
  return null;
}

/** Items the update deletes that the document holds, under the watched roots. */
function refuseDeletions(
  doc: Y.Doc,
  ds: ReturnType<typeof Y.decodeUpdate>["ds"],
  where: UpdatePlaces,
  rules: Rules,
): string | null {
  for (const [client, ranges] of ds.clients) {
    const state = where.known(client);
    for (const { clock, len } of ranges) {
      let at = clock;
      while (at < Math.min(clock + len, state)) {
        const struct = Y.getItem(doc.store, Y.createID(client, at)) as Y.Item | Y.GC;
        at = struct.id.clock + struct.length;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = where.placeOf(struct);
        if (!place || !watched(place.root)) continue;
        const why = rules.changeToExisting(place, null);
        if (why) return why;
      }
    }
  }
  return null;
}
