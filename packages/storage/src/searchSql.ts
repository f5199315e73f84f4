/**
 * The search index on each store (searchStore.ts). Both keep one plain row per searchable
 * element in `search_rows` (keyed by map_id, so a purged map's rows go with MAP_OWNED_TABLES);
 * the full-text index hangs off it:
 *  - SQLite: an external-content FTS5 table over (name, body), kept in step by triggers;
 *    unicode61 with diacritics removed, prefix indexes for the word being typed; bm25 ranks
 *    with a name worth NAME_WEIGHT times the body.
 *  - PostgreSQL: a generated tsvector ('simple': no stemming, no stop words, like unicode61)
 *    with the name as weight A and the body as B, under a GIN index; ts_rank ranks.
 *    ('simple' keeps diacritics: "cafe" does not find "café" there.)
 * The query is built from `searchTerms` only: each word quoted (FTS5) or a lexeme of letters
 * and digits (tsquery), all required, the last as a prefix when still being typed.
 */
import type Database from "better-sqlite3";
import type pg from "pg";
import { inTransaction } from "./postgresTransaction.ts";
import {
  type SearchHit,
  type SearchRow,
  type SearchSource,
  type SearchStore,
  type SearchTerms,
  searchTerms,
} from "./searchStore.ts";

/** The first key of the search index's advisory locks (the second is the map's). */
const SEARCH_LOCK_CLASS = 0x5ea4c8;

/** How much more a word in an element's name counts than one in its body. */
const NAME_WEIGHT = 10;

const ROWS_TABLE = `CREATE TABLE search_rows (
     id %ID% PRIMARY KEY,
     map_id TEXT NOT NULL,
     source TEXT NOT NULL,
     element_key TEXT NOT NULL,
     kind TEXT NOT NULL,
     label TEXT NOT NULL,
     name TEXT NOT NULL,
     body TEXT NOT NULL%DOC%
   );
   CREATE INDEX search_rows_by_map ON search_rows (map_id, source);`;

export const SQLITE_SEARCH_TABLES = `${ROWS_TABLE.replace("%ID%", "INTEGER").replace("%DOC%", "")}
   CREATE VIRTUAL TABLE search_fts USING fts5(
     name, body, content='search_rows', content_rowid='id',
     tokenize='unicode61 remove_diacritics 2', prefix='2 3'
   );
   CREATE TRIGGER search_rows_insert AFTER INSERT ON search_rows BEGIN
     INSERT INTO search_fts (rowid, name, body) VALUES (new.id, new.name, new.body);
   END;
   CREATE TRIGGER search_rows_delete AFTER DELETE ON search_rows BEGIN
     INSERT INTO search_fts (search_fts, rowid, name, body) VALUES ('delete', old.id, old.name, old.body);
   END;
   CREATE TRIGGER search_rows_update AFTER UPDATE ON search_rows BEGIN
     INSERT INTO search_fts (search_fts, rowid, name, body) VALUES ('delete', old.id, old.name, old.body);
     INSERT INTO search_fts (rowid, name, body) VALUES (new.id, new.name, new.body);
   END;`;

export const POSTGRES_SEARCH_TABLES = `${ROWS_TABLE.replace("%ID%", "BIGSERIAL").replace(
  "%DOC%",
  `,
     doc tsvector GENERATED ALWAYS AS (
       setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', body), 'B')
     ) STORED`,
)}
   CREATE INDEX search_rows_doc ON search_rows USING GIN (doc);`;

const HIT_COLUMNS = `r.map_id AS "mapId", r.element_key AS "elementKey", r.kind, r.label, r.name,
  r.body AS "text"`;

function hitOf(row: Record<string, unknown>): SearchHit {
  return {
    mapId: String(row.mapId),
    elementKey: String(row.elementKey),
    kind: String(row.kind),
    label: String(row.label),
    name: String(row.name),
    text: String(row.text),
    score: Number(row.score),
  };
}

/** An FTS5 query: every word a quoted string (words hold no quote), the last a prefix if typed. */
export function fts5Query({ words, prefix }: SearchTerms): string {
  return words.map((w, i) => `"${w}"${prefix && i === words.length - 1 ? "*" : ""}`).join(" ");
}

/** A tsquery: words are letters and digits only, so quoting them is enough; `:*` for a prefix. */
export function tsQuery({ words, prefix }: SearchTerms): string {
  return words.map((w, i) => `'${w}'${prefix && i === words.length - 1 ? ":*" : ""}`).join(" & ");
}

export class SqliteSearchStore implements SearchStore {
  private readonly replace: (
    mapId: string,
    source: SearchSource,
    rows: readonly SearchRow[],
  ) => void;
  private readonly find: Database.Statement;

  constructor(db: Database.Database) {
    const drop = db.prepare("DELETE FROM search_rows WHERE map_id = ? AND source = ?");
    const insert = db.prepare(
      `INSERT INTO search_rows (map_id, source, element_key, kind, label, name, body)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.replace = db.transaction(
      (mapId: string, source: SearchSource, rows: readonly SearchRow[]) => {
        drop.run(mapId, source);
        for (const r of rows)
          insert.run(mapId, source, r.elementKey, r.kind, r.label, r.name, r.text);
      },
    );
    // CROSS JOIN keeps the full-text match the outer loop: the map filter is applied to what
    // matched, instead of running the match once per row of the person's maps.
    this.find = db.prepare(
      `SELECT ${HIT_COLUMNS}, -bm25(search_fts, ${NAME_WEIGHT}, 1) AS score
       FROM search_fts CROSS JOIN search_rows r ON r.id = search_fts.rowid
       WHERE search_fts MATCH ? AND r.map_id IN (SELECT value FROM json_each(?))
       ORDER BY score DESC, r.id LIMIT ?`,
    );
  }

  async replaceMap(mapId: string, source: SearchSource, rows: readonly SearchRow[]): Promise<void> {
    this.replace(mapId, source, rows);
  }

  async search(mapIds: readonly string[], query: string, limit: number): Promise<SearchHit[]> {
    const terms = searchTerms(query);
    if (terms.words.length === 0 || mapIds.length === 0 || limit <= 0) return [];
    const rows = this.find.all(fts5Query(terms), JSON.stringify(mapIds), limit);
    return (rows as Record<string, unknown>[]).map(hitOf);
  }
}

export class PostgresSearchStore implements SearchStore {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async replaceMap(mapId: string, source: SearchSource, rows: readonly SearchRow[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // Two instances indexing one map at once would each keep the rows the other inserted
      // (neither delete sees uncommitted rows): one at a time per map and document.
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
        SEARCH_LOCK_CLASS,
        `${mapId}/${source}`,
      ]);
      await client.query("DELETE FROM search_rows WHERE map_id = $1 AND source = $2", [
        mapId,
        source,
      ]);
      if (rows.length === 0) return;
      // One statement for all the rows: arrays unnested side by side.
      await client.query(
        `INSERT INTO search_rows (map_id, source, element_key, kind, label, name, body)
         SELECT $1::text, $2::text, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          mapId,
          source,
          rows.map((r) => r.elementKey),
          rows.map((r) => r.kind),
          rows.map((r) => r.label),
          rows.map((r) => r.name),
          rows.map((r) => r.text),
        ],
      );
    });
  }

  async search(mapIds: readonly string[], query: string, limit: number): Promise<SearchHit[]> {
    const terms = searchTerms(query);
    if (terms.words.length === 0 || mapIds.length === 0 || limit <= 0) return [];
    // Weights D, C, B, A: a name (A) counts NAME_WEIGHT times a body (B).
    const { rows } = await this.pool.query(
      `SELECT ${HIT_COLUMNS}, ts_rank('{0, 0, ${1 / NAME_WEIGHT}, 1}', r.doc, q) AS score
       FROM search_rows r, to_tsquery('simple', $1) q
       WHERE r.doc @@ q AND r.map_id = ANY($2::text[])
       ORDER BY score DESC, r.id LIMIT $3`,
      [tsQuery(terms), [...mapIds], limit],
    );
    return rows.map(hitOf);
  }
}
