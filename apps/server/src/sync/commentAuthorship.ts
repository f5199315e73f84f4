/**
 * What a connection may do to comment threads: start threads and write comments as themselves,
 * change or delete only their own comments, and reopen a thread by replying. Resolving,
 * retitling or deleting threads is for editors and owners (moderators), who resolve threads
 * and triage the inbox as themselves too. No one changes other people's comments.
 * "Themselves" is the connection's identity (sync/Access.ts): a comment's `author` must be
 * the connection's display name and its `authorId` the id the server gave it (an account's
 * id, or a guest's), a resolution's `by`/`byId` and a triage decision's `by` likewise.
 *
 * The update is read without applying it (as rootsTouchedBy does, and for the same reason: the
 * cost follows the update, not the talk document): each item it adds or deletes is traced up
 * to the entry of `threads` or `comments` it lies in, and to the entry's field. Items whose
 * place cannot be known yet are refused; the root check already refuses such updates.
 */
import { TALK_ROOT } from "@journeymap/schema";
import * as Y from "yjs";
import { indexUpdateItems } from "./updateItems.ts";

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

/** Where an item lies: the root, the entry item under it, and the entry's field. */
interface Place {
  readonly root: string;
  readonly entry: Y.Item;
  readonly key: string | null;
  /** The field of the entry the item is in; null when the item is the entry itself. */
  readonly field: string | null;
  /** True when the item is the field's value itself (not something nested in it). */
  readonly isValue: boolean;
}

interface Parent {
  readonly parent: Y.Item | string;
  readonly sub: string | null;
}

/**
 * Why `update` from a commenter with identity `me` is refused, or null when it is not. Only
 * the comment roots are looked at: other roots are the root check's business.
 */
export function refuseCommentUpdate(doc: Y.Doc, update: Uint8Array, me: Identity): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const known = (client: number) => Y.getState(doc.store, client);
  const items = indexUpdateItems(structs);
  const isStored = (item: Y.Item) => !items.all.has(item);
  /** The item with this id, stored or in the update; null for a collected one. */
  const itemAt = (id: Y.ID): Y.Item | null | undefined => {
    if (id.clock < known(id.client)) {
      const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
      return struct instanceof Y.Item ? struct : null;
    }
    return items.find(id);
  };

  /** The item's parent (an item holding a type, or a root's name) and its key there. */
  const parentOf = (item: Y.Item, seen = new Set<Y.Item>()): Parent | null | undefined => {
    if (seen.has(item)) return undefined; // a cycle only a forged update can hold
    seen.add(item);
    if (isStored(item)) {
      const type = item.parent as Y.AbstractType<unknown> | null;
      if (!type) return null;
      return { parent: type._item ?? Y.findRootTypeKey(type), sub: item.parentSub };
    }
    const parent = item.parent as unknown;
    if (typeof parent === "string") return { parent, sub: item.parentSub };
    if (parent instanceof Y.ID) {
      const holder = itemAt(parent);
      return holder ? { parent: holder, sub: item.parentSub } : holder;
    }
    // No parent written: the item sits beside a neighbour and shares its parent and key.
    const neighbourId = item.origin ?? item.rightOrigin;
    if (!neighbourId) return undefined;
    const neighbour = itemAt(neighbourId);
    return neighbour ? parentOf(neighbour, seen) : neighbour;
  };

  /** Which root, entry and field `item` belongs to (null: it changes nothing). */
  const placeOf = (item: Y.Item): Place | null | undefined => {
    const chain: Array<{ item: Y.Item; sub: string | null }> = [];
    const ancestors = new Set<Y.Item>();
    let current = item;
    for (;;) {
      if (ancestors.has(current)) return undefined;
      ancestors.add(current);
      const up = parentOf(current);
      if (up === null || up === undefined) return up;
      chain.push({ item: current, sub: up.sub });
      if (typeof up.parent === "string") {
        const entry = chain.at(-1) as { item: Y.Item; sub: string | null };
        return {
          root: up.parent,
          entry: entry.item,
          key: entry.sub,
          field: chain.at(-2)?.sub ?? null,
          isValue: chain.length === 2,
        };
      }
      current = up.parent;
    }
  };

  const ownerOf = (entry: Y.Item): unknown =>
    entry.content instanceof Y.ContentType && entry.content.type instanceof Y.Map
      ? entry.content.type.get(AUTHOR_ID)
      : undefined;
  const valueIs = (item: Y.Item, expected: unknown) =>
    item.content instanceof Y.ContentAny &&
    item.content.arr.length === 1 &&
    item.content.arr[0] === expected;
  /** A plain object value whose fields match `fields` (what a resolution or decision says). */
  const valueHas = (item: Y.Item, fields: Readonly<Record<string, unknown>>) => {
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return false;
    const value = item.content.arr[0] as Record<string, unknown> | null;
    return (
      typeof value === "object" &&
      value !== null &&
      Object.entries(fields).every(([k, v]) => value[k] === v || (v === undefined && !(k in value)))
    );
  };
  /** A resolution (or its clearing) as this connection: a commenter may only clear one. */
  const resolvesAsMe = (item: Y.Item) =>
    valueIs(item, null) || (me.moderator && valueHas(item, { by: me.name, byId: me.authorId }));
  /** A triage decision (or its clearing) as this connection; `byId` when the decision has one. */
  const decidesAsMe = (item: Y.Item) =>
    valueIs(item, null) ||
    valueHas(item, { by: me.name, byId: me.authorId }) ||
    valueHas(item, { by: me.name, byId: undefined });

  /** A change to an entry that was there before this update. */
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

  /** Roots with written authors: their new entries must name the connection. */
  const authored = (root: string) => root === TALK_ROOT.threads || root === TALK_ROOT.comments;
  const watched = (root: string) => authored(root) || root === TALK_ROOT.inbox;
  /** New entries of this update, with the author fields written for them. */
  const created = new Map<Y.Item, Set<string>>();

  const fresh = structs.filter(
    (s): s is Y.Item => s instanceof Y.Item && s.id.clock + s.length > known(s.id.client),
  );
  const places = new Map<Y.Item, Place>();
  for (const struct of fresh) {
    const place = placeOf(struct);
    if (place === null) continue;
    if (place === undefined) return "an update whose place in the document is not known";
    if (watched(place.root)) places.set(struct, place);
  }
  // Entries first, so that their fields find them whatever order the update holds them in.
  for (const [struct, place] of places) {
    if (place.entry === struct) {
      if (!authored(place.root)) continue;
      if (place.key === null) return "entries of the comment roots have a key";
      if (!(struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Map))
        return "entries of the comment roots are maps";
      // Setting a key that holds an entry replaces (deletes) that entry.
      const current = doc.getMap(place.root)._map.get(place.key);
      if (current && !current.deleted) {
        const why = changeToExisting({ ...place, entry: current, field: null }, null);
        if (why) return why;
      }
      created.set(struct, new Set());
    }
  }
  for (const [struct, place] of places) {
    if (place.entry === struct) continue;
    if (isStored(place.entry)) {
      const why = changeToExisting(place, struct);
      if (why) return why;
      continue;
    }
    if (!authored(place.root)) {
      if (place.field === DECISION && !(place.isValue && decidesAsMe(struct)))
        return "a triage decision is the connection's own";
      continue;
    }
    const fields = created.get(place.entry);
    if (!fields) return "an update whose place in the document is not known";
    if (place.field === RESOLVED) {
      if (!(place.isValue && resolvesAsMe(struct)))
        return me.moderator
          ? "a thread is resolved as the connection's own identity"
          : "only editors and owners resolve threads";
    } else if (place.field === AUTHOR || place.field === AUTHOR_ID) {
      const expected = place.field === AUTHOR ? me.name : me.authorId;
      if (!(place.isValue && valueIs(struct, expected)))
        return "comments are written as the connection's own identity";
      fields.add(place.field);
    }
  }
  for (const fields of created.values())
    if (!fields.has(AUTHOR) || !fields.has(AUTHOR_ID))
      return "comments are written as the connection's own identity";

  for (const [client, ranges] of ds.clients) {
    const state = known(client);
    for (const { clock, len } of ranges) {
      let at = clock;
      while (at < Math.min(clock + len, state)) {
        const struct = Y.getItem(doc.store, Y.createID(client, at)) as Y.Item | Y.GC;
        at = struct.id.clock + struct.length;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = placeOf(struct);
        if (!place || !watched(place.root)) continue;
        const why = changeToExisting(place, null);
        if (why) return why;
      }
    }
  }
  return null;
}
