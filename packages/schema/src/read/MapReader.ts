/**
 * The incremental read model for live views. It keeps per-entity records and, after each
 * transaction, re-reads only the entities the transaction touched, then reassembles only
 * the derived parts whose inputs changed. `read()` equals `readJourneyMap(doc)` at all
 * times (a property test checks this), at a fraction of the cost on big maps.
 */
import type * as Y from "yjs";
import {
  type EntityRoot,
  ENTITY_ROOTS,
  parseCardDescriptionRootName,
  parseCellRootName,
  ROOT,
} from "../layout.ts";
import { Assembler, type Collection, type RecordSet } from "./Assembler.ts";
import type { JourneyMap } from "./JourneyMap.ts";
import { emptyRecordSet } from "./readJourneyMap.ts";
import {
  readAllInto,
  readCardDescription,
  readCell,
  readEmotionEntry,
  readEntity,
  readMeta,
} from "./records.ts";
import { rootMap, rootOf } from "./rootTypes.ts";

type Positioned = { key: string; phaseId?: string; touchpointId?: string };

function sameMembership(a: unknown, b: unknown): boolean {
  const x = a as Positioned;
  const y = b as Positioned;
  return x.key === y.key && x.phaseId === y.phaseId && x.touchpointId === y.touchpointId;
}

function update<T>(c: Collection<T>, id: string, next: T | null, ordered: boolean): void {
  const prev = c.records.get(id);
  if (next === null) {
    if (prev === undefined) return;
    c.records.delete(id);
    c.members++;
  } else {
    c.records.set(id, next);
    if (prev === undefined || (ordered && !sameMembership(prev, next))) c.members++;
  }
  c.content++;
}

export class MapReader {
  private readonly set: RecordSet = emptyRecordSet();
  private readonly assembler = new Assembler();
  private readonly listeners = new Set<() => void>();
  private snapshot: JourneyMap;
  private readonly rootNames = new Map<unknown, string>();

  private readonly doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    readAllInto(doc, this.set);
    this.snapshot = this.assembler.assemble(this.set);
    doc.on("afterTransaction", this.handleTransaction);
  }

  /** The current read model; the same object until the document changes. */
  read = (): JourneyMap => this.snapshot;

  /** For useSyncExternalStore: called after every change of the read model. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.doc.off("afterTransaction", this.handleTransaction);
    this.listeners.clear();
  }

  private rootName(root: unknown): string | undefined {
    let name = this.rootNames.get(root);
    if (name === undefined) {
      for (const [n, t] of this.doc.share) this.rootNames.set(t, n);
      name = this.rootNames.get(root);
    }
    return name;
  }

  private handleTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0) return;
    const dirty = new Map<string, Set<string>>();
    const mark = (bucket: string, id: string) => {
      const s = dirty.get(bucket);
      if (s) s.add(id);
      else dirty.set(bucket, new Set([id]));
    };
    for (const [type, keys] of tr.changed) {
      const { root, child } = rootOf(type);
      const name = this.rootName(root);
      if (name === undefined) continue;
      if (name === ROOT.meta) mark("meta", "");
      else if (parseCellRootName(name)) mark("cells", name);
      else if (parseCardDescriptionRootName(name)) mark("cardDescriptions", name);
      else if (name === ROOT.emotions) {
        for (const key of keys) if (key !== null) mark("emotions", key);
      } else if (child === null) {
        for (const key of keys) if (key !== null) mark(name, key);
      } else {
        const id = child._item?.parentSub;
        if (id) mark(name, id);
      }
    }
    if (dirty.size === 0) return;
    this.apply(dirty);
    const next = this.assembler.assemble(this.set);
    if (next === this.snapshot) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  };

  private apply(dirty: Map<string, Set<string>>): void {
    for (const [bucket, ids] of dirty) {
      if (bucket === "meta") {
        this.set.meta = readMeta(this.doc);
        this.set.metaVersion++;
      } else if (bucket === "cells") {
        for (const name of ids) update(this.set.cells, name, readCell(this.doc, name), false);
      } else if (bucket === "cardDescriptions") {
        for (const name of ids) {
          update(this.set.cardDescriptions, name, readCardDescription(this.doc, name), false);
        }
      } else if (bucket === "emotions") {
        const map = rootMap(this.doc, ROOT.emotions);
        for (const key of ids) {
          update(this.set.emotions, key, readEmotionEntry(key, map?.get(key)), false);
        }
      } else if ((ENTITY_ROOTS as readonly string[]).includes(bucket)) {
        const root = bucket as EntityRoot;
        const map = rootMap(this.doc, ROOT[root]);
        const collection = this.set[root] as Collection<unknown>;
        for (const id of ids) update(collection, id, readEntity(root, id, map?.get(id)), true);
      }
    }
  }
}
