/**
 * Would an update leave something waiting in the document? Yjs keeps structs whose
 * dependencies it lacks (an earlier change of the same client, an item they are inserted next
 * to or into, deletions of unknown items) as pending, and retries them on every later update.
 * Planted on purpose they stay forever: the talk guard has to copy the document to judge each
 * later update, and no checkpoint can cover the log row that holds them. A client that syncs
 * normally never sends one (a connection delivers in order, and a SyncStep2 holds everything
 * the server lacks), so such an update is refused before it is applied.
 *
 * The check follows Yjs' integration (encoding.js `integrateStructs`) on clocks only: a struct
 * integrates when its client's earlier structs have, and every item it refers to is in the
 * document or integrates first from the same update; references that go round in a circle
 * never integrate. Linear in the update (plus a binary search per reference), no copy.
 */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";

type Struct = Y.Item | Y.GC | Y.Skip;
type Decoded = ReturnType<typeof Y.decodeUpdate>;

const UNKNOWN = 0;
const VISITING = 1;
const OK = 2;
const WAITS = 3;

/** The struct of `list` (one client's, in clock order) that holds `clock`, by binary search. */
function indexAt(list: readonly number[], structs: readonly Struct[], clock: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const struct = structs[list[mid] as number] as Struct;
    if (clock < struct.id.clock) hi = mid - 1;
    else if (clock >= struct.id.clock + struct.length) lo = mid + 1;
    else return list[mid] as number;
  }
  return -1;
}

/**
 * Why `update` would leave something pending in `doc`, or null when it integrates fully.
 * `decoded` is `Y.decodeUpdate(update)` when the caller has it already.
 */
export function missingDependency(
  doc: Y.Doc,
  update: Uint8Array,
  decoded: Decoded = Y.decodeUpdate(update),
): string | null {
  const structs = decoded.structs as Struct[];
  const state = (client: number) => Y.getState(doc.store, client);
  // Yjs keeps only the last block of a client that appears twice: what it drops, we cannot
  // count on. Real encoders write each client once, with at least one struct.
  const byClient = new Map<number, number[]>();
  let previousClient: number | null = null;
  structs.forEach((struct, index) => {
    const client = struct.id.client;
    const list = byClient.get(client);
    if (list && client !== previousClient) list.push(-1); // marks a repeated block
    if (list) list.push(index);
    else byClient.set(client, [index]);
    previousClient = client;
  });
  const blocks = decoding.readVarUint(decoding.createDecoder(update));
  if (blocks !== byClient.size || [...byClient.values()].some((l) => l.includes(-1))) {
    return "a client's changes are split into several blocks";
  }

  const status = new Uint8Array(structs.length);
  const position = new Map<number, number>(); // struct index → its place in its client's list
  for (const list of byClient.values()) {
    for (const [at, index] of list.entries()) position.set(index, at);
  }

  /** The structs `index` needs first, or null when it needs something nobody has. */
  const needs = (index: number): number[] | null => {
    const struct = structs[index] as Struct;
    const { client, clock } = struct.id;
    const list = byClient.get(client) as number[];
    const at = position.get(index) as number;
    const deps: number[] = [];
    if (struct instanceof Y.Skip) {
      // Yjs skips a Skip; what follows it waits for the gap (caught below).
    } else if (at > 0) {
      let before = at - 1;
      while (before >= 0 && structs[list[before] as number] instanceof Y.Skip) before--;
      const previous = before >= 0 ? (structs[list[before] as number] as Struct) : null;
      const available = Math.max(state(client), previous ? previous.id.clock + previous.length : 0);
      if (clock > available) return null;
      if (previous) deps.push(list[before] as number);
    } else if (clock > state(client)) {
      return null;
    }
    if (!(struct instanceof Y.Item)) return deps;
    const refs = [
      struct.origin,
      struct.rightOrigin,
      struct.parent instanceof Y.ID ? struct.parent : null,
    ];
    for (const ref of refs) {
      if (!ref) continue;
      if (ref.client === client) {
        // Its own earlier change (integrated with the client's earlier structs), never later.
        if (ref.clock >= clock) return null;
        continue;
      }
      if (ref.clock < state(ref.client)) continue;
      const others = byClient.get(ref.client);
      const holder = others ? indexAt(others, structs, ref.clock) : -1;
      if (holder === -1 || structs[holder] instanceof Y.Skip) return null;
      deps.push(holder);
    }
    return deps;
  };

  // Depth-first over dependencies without recursion (chains run as long as the update).
  for (let root = 0; root < structs.length; root++) {
    if (status[root] !== UNKNOWN) continue;
    const stack: { index: number; deps: number[] | null; next: number }[] = [];
    const push = (index: number) => {
      status[index] = VISITING;
      stack.push({ index, deps: needs(index), next: 0 });
    };
    push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      if (top.deps === null) {
        status[top.index] = WAITS;
        stack.pop();
        continue;
      }
      if (top.next === top.deps.length) {
        status[top.index] = OK;
        stack.pop();
        continue;
      }
      const dep = top.deps[top.next] as number;
      if (status[dep] === OK) top.next++;
      else if (status[dep] === UNKNOWN) push(dep);
      else top.deps = null; // waits, or a circle
    }
    if (status[root] === WAITS) {
      const { client, clock } = (structs[root] as Struct).id;
      return `client ${client} at clock ${clock} needs changes the server does not have`;
    }
  }

  // Deletions apply to what the document holds once the structs are in; the rest would wait.
  const after = (client: number) => {
    const list = byClient.get(client) ?? [];
    let end = state(client);
    for (const index of list) {
      const struct = structs[index] as Struct;
      if (!(struct instanceof Y.Skip)) end = Math.max(end, struct.id.clock + struct.length);
    }
    return end;
  };
  for (const [client, ranges] of decoded.ds.clients) {
    const end = after(client);
    for (const { clock, len } of ranges) {
      if (clock >= end || clock + len > end) {
        return `deletes client ${client}'s changes the server does not have`;
      }
    }
  }
  return null;
}
