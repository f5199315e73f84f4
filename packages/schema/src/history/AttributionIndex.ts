/**
 * Attribution from the update log: which logged rows touched which things, so for any
 * phase, touchpoint, card, lane, persona, cell or curve point we know who created it and who
 * last changed it, and when. The author of a row is the server's view of the connection
 * (never claimed by the client), so attribution cannot be forged from inside the document.
 *
 * The index replays rows into its own document and maps each transaction's changed Y types
 * to the thing they belong to. It is incremental: feed rows in sequence order as they come.
 */
import * as Y from "yjs";
import { CELL_ROOT_PREFIX, type EntityRoot, ENTITY_ROOTS, ROOT } from "../layout.ts";
import { rootOf } from "../read/rootTypes.ts";
import {
  cellKey,
  type EntityKind,
  entityKey,
  META_KEY,
  pointKey,
} from "../elementRef/elementRef.ts";

/** Board targets, named like the board's data-presence keys; lanes, personas, evidence too. */
export const KIND_OF_ROOT: Record<EntityRoot, EntityKind> = {
  personas: "persona",
  phases: "phase",
  touchpoints: "touchpoint",
  lanes: "lane",
  cards: "card",
  evidence: "evidence",
};

export interface Touch {
  readonly seq: number;
  readonly ts: number;
  readonly author: string;
}

export interface Attribution {
  readonly created: Touch;
  readonly changed: Touch;
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type.
type AnyType = Y.AbstractType<any>;

/** The targets a transaction changed, e.g. `phase:abc`, `cell:cell/lane/tp`, `point:p/t`, `meta`. */
export function touchedTargets(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const names = new Map<AnyType, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const entityKind = new Map<string, EntityKind>(
    ENTITY_ROOTS.map((root) => [ROOT[root], KIND_OF_ROOT[root]]),
  );
  const out = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    const { root, child } = rootOf(type);
    const name = names.get(root);
    if (name === undefined) continue;
    if (name.startsWith(CELL_ROOT_PREFIX)) {
      out.add(cellKey(name));
    } else if (name === ROOT.meta) {
      out.add(META_KEY);
    } else if (name === ROOT.emotions) {
      for (const key of keys) if (key !== null) out.add(pointKey(key));
    } else {
      const kind = entityKind.get(name);
      if (!kind) continue;
      if (child === null) {
        for (const key of keys) if (key !== null) out.add(entityKey(kind, key));
      } else {
        const id = child._item?.parentSub;
        if (id) out.add(entityKey(kind, id));
      }
    }
  }
  return out;
}

export class AttributionIndex {
  readonly doc = new Y.Doc();
  private readonly touches = new Map<string, { created: Touch; changed: Touch }>();
  /** The last row applied; feed rows after it. */
  seq = 0;

  /** Applies one logged row (rows must come in sequence order). */
  apply(update: Uint8Array, touch: Touch): void {
    const handler = (transaction: Y.Transaction) => {
      for (const target of touchedTargets(this.doc, transaction)) {
        const known = this.touches.get(target);
        if (known) known.changed = touch;
        else this.touches.set(target, { created: touch, changed: touch });
      }
    };
    this.doc.on("afterTransaction", handler);
    try {
      Y.applyUpdate(this.doc, update);
    } finally {
      this.doc.off("afterTransaction", handler);
    }
    this.seq = touch.seq;
  }

  get(target: string): Attribution | null {
    return this.touches.get(target) ?? null;
  }

  /** Every target with its attribution (targets that no longer exist included). */
  entries(): Array<[string, Attribution]> {
    return [...this.touches];
  }

  destroy(): void {
    this.doc.destroy();
  }
}
