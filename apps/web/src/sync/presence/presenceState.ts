/**
 * Presence, typed and small: who is here, what each person has selected, where their pointer
 * and viewport are, whether they are in the history or presenting. Document data never goes
 * into awareness. This folder is the only code that knows the awareness fields: this file
 * reads them (untrusted: any client can write anything), presenceWriter.ts writes ours.
 *
 * The server sets `user` (name, colour, whether a guest) on every state, so we only read it.
 * The pointer is not called `cursor`: y-prosemirror's carets own that field (anchor/head) and
 * crash on anything else in it. Clients of two versions meet during a deploy, so the fields keep their shape:
 * a selection travels as the halves of its element key (`{ kind: "point", id: "<persona>/<step>" }`).
 */
import {
  type ElementRef,
  elementKey,
  emotionRef,
  parseElementKey,
  type PersonaId,
  type RefOf,
  type TouchpointId,
} from "@journeymap/schema";

/** The awareness fields, each written by this folder only (`user` by the server). */
export const FIELD = {
  user: "user",
  selection: "selection",
  pointer: "pointer",
  viewport: "viewport",
  drag: "drag",
  place: "place",
  presenting: "presenting",
  watching: "watching",
  /** Element keys of the phases, steps, lanes or personas we just deleted (issue 15, B1). */
  removed: "removed",
} as const;

/** What can be selected on the board and in the table (what carries presence outlines). */
export type SelectableRef = RefOf<"phase" | "touchpoint" | "card" | "cell" | "emotion">;
const SELECTABLE: ReadonlySet<ElementRef["kind"]> = new Set([
  "phase",
  "touchpoint",
  "card",
  "cell",
  "emotion",
]);

export function isSelectable(ref: ElementRef | null): ref is SelectableRef {
  return ref !== null && SELECTABLE.has(ref.kind);
}

/** What someone has selected; `editing` is true while they type into it. */
export type Selection = { readonly ref: SelectableRef; readonly editing: boolean } | null;

/** A curve point being dragged: live for others, written to the map once on release. */
export interface PointDrag {
  readonly personaId: PersonaId;
  readonly touchpointId: TouchpointId;
  readonly score: number;
}

/** "history" while someone is on the map's history view (no viewport to follow there). */
export type Place = "board" | "history";

export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly colour: string;
  /** Came by a link without an account (the server says so; a guest cannot pass for an account). */
  readonly guest: boolean;
  readonly selection: Selection;
  readonly pointer: { readonly x: number; readonly y: number } | null;
  readonly viewport: Viewport | null;
  readonly drag: PointDrag | null;
  readonly place: Place;
}

/**
 * What a person sees of the board, in unzoomed board pixels. Width and height came later
 * (follow mode scales them into the follower's window); older clients send neither.
 */
export interface Viewport {
  readonly left: number;
  readonly top: number;
  readonly width?: number;
  readonly height?: number;
}

/** A positive finite size, or nothing. */
const size = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? { value } : null;

function readViewport(raw: Raw<Viewport>): Viewport | null {
  if (!raw || typeof raw.left !== "number" || typeof raw.top !== "number") return null;
  const width = size(raw.width);
  const height = size(raw.height);
  return {
    left: raw.left,
    top: raw.top,
    ...(width && height ? { width: width.value, height: height.value } : {}),
  };
}

export interface Presenter {
  readonly clientId: number;
  readonly name: string;
  readonly colour: string;
  readonly guest: boolean;
  /** The key of the slide on the presenter's screen. */
  readonly slide: string;
}

/** Awareness states by Yjs client id, as `Awareness.getStates()` returns them. */
export type PresenceStates = ReadonlyMap<number, Record<string, unknown>>;

const HEX = /^#[0-9a-f]{6}$/i;
const MAX_KEY = 200;
const MAX_NAME = 40;

type Raw<T> = Partial<Record<keyof T, unknown>> | null | undefined;

/** A selection as it travels: the two halves of the element key, and `editing`. */
export function toWireSelection(selection: Selection) {
  if (!selection) return null;
  const key = elementKey(selection.ref);
  const split = key.indexOf(":");
  return { kind: key.slice(0, split), id: key.slice(split + 1), editing: selection.editing };
}

export function readSelection(raw: unknown): Selection {
  const sel = raw as Raw<{ kind: string; id: string; editing: boolean }>;
  if (!sel || typeof sel.kind !== "string" || typeof sel.id !== "string") return null;
  const ref = parseElementKey(`${sel.kind}:${sel.id}`);
  return isSelectable(ref) ? { ref, editing: sel.editing === true } : null;
}

function readDrag(raw: unknown): PointDrag | null {
  const drag = raw as Raw<PointDrag>;
  if (!drag || typeof drag.score !== "number" || !Number.isFinite(drag.score)) return null;
  if (typeof drag.personaId !== "string" || typeof drag.touchpointId !== "string") return null;
  const point = emotionRef(drag.personaId, drag.touchpointId);
  return (
    point && { personaId: point.personaId, touchpointId: point.touchpointId, score: drag.score }
  );
}

function readUser(state: Record<string, unknown>): Pick<Peer, "name" | "colour" | "guest"> | null {
  const user = state[FIELD.user] as Raw<{ name: string; colour: string; guest: boolean }>;
  if (!user || typeof user.name !== "string") return null; // not yet stamped by the server
  return {
    name: user.name.slice(0, MAX_NAME),
    colour: typeof user.colour === "string" && HEX.test(user.colour) ? user.colour : "#666666",
    guest: user.guest === true,
  };
}

export function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = readUser(state);
  if (!user) return null;
  const pointer = state[FIELD.pointer] as Raw<{ x: number; y: number }>;
  return {
    clientId,
    ...user,
    selection: readSelection(state[FIELD.selection]),
    pointer:
      pointer && typeof pointer.x === "number" && typeof pointer.y === "number"
        ? { x: pointer.x, y: pointer.y }
        : null,
    viewport: readViewport(state[FIELD.viewport] as Raw<Viewport>),
    drag: readDrag(state[FIELD.drag]),
    place: state[FIELD.place] === "history" ? "history" : "board",
  };
}

/** Everyone else the server has stamped, in client order. */
export function readPeers(states: PresenceStates, selfId: number): readonly Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const peer = readPeer(clientId, state);
    if (peer) peers.push(peer);
  }
  return peers;
}

/** What we have selected ourselves, as we published it. */
export function readOwnSelection(states: PresenceStates, selfId: number): Selection {
  return readSelection(states.get(selfId)?.[FIELD.selection]);
}

/**
 * Everyone presenting, other than ourselves, lowest client id first (so two browsers agree on
 * whom to follow when two people present at once). Only states the server has stamped with a
 * user (name, colour) count: the name is the server's, never the presenter's claim.
 */
export function readPresenters(states: PresenceStates, selfId: number): readonly Presenter[] {
  const out: Presenter[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const user = readUser(state);
    const presenting = state[FIELD.presenting] as Raw<{ slide: string }>;
    if (!user || !presenting || typeof presenting.slide !== "string") continue;
    if (presenting.slide.length === 0 || presenting.slide.length > MAX_KEY) continue;
    out.push({ clientId, ...user, slide: presenting.slide });
  }
  return out.sort((a, b) => a.clientId - b.clientId);
}

/** How many other people follow `presenterId`. */
export function countWatchers(states: PresenceStates, presenterId: number): number {
  let count = 0;
  for (const [clientId, state] of states) {
    if (clientId !== presenterId && state[FIELD.watching] === presenterId) count++;
  }
  return count;
}

/** Element keys announced as removed, at most this many (a phase with its steps). */
export const MAX_REMOVED = 100;

/**
 * Who just deleted the element with this key (a phase, step, lane or persona), by their own
 * announcement: a delete carries no author on the wire, so a person typing inside what was
 * deleted learns the name here.
 */
export function readRemovedBy(
  states: PresenceStates,
  selfId: number,
  key: string,
): Pick<Peer, "clientId" | "name" | "colour"> | null {
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const removed = state[FIELD.removed];
    if (!Array.isArray(removed) || !removed.slice(0, MAX_REMOVED).includes(key)) continue;
    const user = readUser(state);
    if (user) return { clientId, name: user.name, colour: user.colour };
  }
  return null;
}
