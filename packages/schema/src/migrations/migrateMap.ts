import type * as Y from "yjs";
import { ENTITY_ROOTS, META, ROOT } from "../layout.ts";
import type { MapOrigin } from "../origin.ts";
import { toInt } from "../read/coerce.ts";
import { builtInLanes } from "./builtInLanes.ts";
import { channelLists } from "./channelLists.ts";
import type { Migration } from "./Migration.ts";
import { positionAsOneValue } from "./positionAsOneValue.ts";

/** In order. Append new migrations at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [positionAsOneValue, builtInLanes, channelLists];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** True for a document nobody has written yet (e.g. a client that has not synced). */
export function isEmptyMap(doc: Y.Doc): boolean {
  return (
    doc.getMap(ROOT.meta).size === 0 &&
    ENTITY_ROOTS.every((root) => doc.getMap(ROOT[root]).size === 0)
  );
}

export function schemaVersionOf(doc: Y.Doc): number {
  return toInt(doc.getMap(ROOT.meta).get(META.schemaVersion), 0, Number.MAX_SAFE_INTEGER, 0);
}

/**
 * Brings a document up to CURRENT_SCHEMA_VERSION with forward transactions. Idempotent and
 * safe to run on several clients at once; does nothing on an empty document or on one
 * written by a newer version. Returns the names of the migrations that ran.
 */
export function migrateMap(doc: Y.Doc): string[] {
  if (isEmptyMap(doc) || schemaVersionOf(doc) > CURRENT_SCHEMA_VERSION) return [];
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    if (!migration.isNeeded(doc)) continue;
    const origin: MapOrigin = { kind: "migration", migration: migration.name };
    doc.transact(() => migration.run(doc), origin);
    applied.push(migration.name);
  }
  if (schemaVersionOf(doc) < CURRENT_SCHEMA_VERSION) {
    const origin: MapOrigin = { kind: "migration", migration: "schema-version" };
    doc.transact(
      () => doc.getMap(ROOT.meta).set(META.schemaVersion, CURRENT_SCHEMA_VERSION),
      origin,
    );
  }
  return applied;
}
