/**
 * The SQL both stores share for reading maps: the columns of a MapRecord (but `updatedAt`, which
 * each reads from where it keeps a log's last time) and the statement behind MapCatalog.findMaps.
 * Dialects differ in placeholders, list parameters and case folding only.
 */
import { DOCUMENT_PREFIX } from "@journeymap/protocol";
import type { MapQuery, MapSort } from "./mapCatalog.ts";

/** A map row's columns but `updatedAt`; `m` is the maps table. */
export const MAP_COLUMNS = `m.id, m.title, m.created_at AS "createdAt",
  m.workspace_id AS "workspaceId", m.created_by AS "createdBy", m.deleted_at AS "deletedAt",
  (SELECT u.author FROM updates u
    WHERE u.doc = '${DOCUMENT_PREFIX.map}' || m.id AND u.origin = 'connection'
    ORDER BY u.seq DESC LIMIT 1) AS "updatedBy"`;

export interface Dialect {
  /** The placeholder of the n-th parameter (from 1). */
  param(n: number): string;
  /** "column is one of the list in parameter n", and the value to bind for the list. */
  inList(column: string, n: number): string;
  listValue(values: readonly string[]): unknown;
  /** A function that folds case for comparisons (Unicode-aware). */
  readonly fold: string;
  /** The function giving the 1-based position of a string in another (0: not found). */
  readonly position: string;
}

const ORDER: Readonly<Record<MapSort, (fold: string) => string>> = {
  updated: () => `"updatedAt" DESC, m.id`,
  title: (fold) => `${fold}(m.title), m.id`,
  created: () => `m.created_at DESC, m.id`,
};

/** `SELECT <columns> FROM maps m <from>` narrowed to the query; `from` adds joins. */
export function findMapsSql(
  columns: string,
  from: string,
  query: MapQuery,
  dialect: Dialect,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return params.length;
  };
  const where = [
    `(${dialect.inList("m.workspace_id", bind(dialect.listValue(query.workspaceIds)))} OR ${dialect.inList("m.id", bind(dialect.listValue(query.mapIds)))})`,
    query.trashed ? "m.deleted_at IS NOT NULL" : "m.deleted_at IS NULL",
  ];
  const text = query.text?.trim();
  if (text)
    where.push(
      `${dialect.position}(${dialect.fold}(m.title), ${dialect.fold}(${dialect.param(bind(text))})) > 0`,
    );
  const sql = `SELECT ${columns} FROM maps m ${from} WHERE ${where.join(" AND ")}
    ORDER BY ${ORDER[query.sort](dialect.fold)} LIMIT ${dialect.param(bind(query.limit))}`;
  return { sql, params };
}
