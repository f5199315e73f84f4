/**
 * Run by sqliteMigration.test.ts as a child process: migrates the store file given as the
 * argument and SIGKILLs itself inside the by-document migration's transaction, after its
 * statements ran and before its commit, like a server killed mid-migration.
 */
import Database from "better-sqlite3";
import { migrateSqlite } from "../src/sqliteMigrations.ts";

const db = new Database(process.argv[2]!);
db.pragma("journal_mode = WAL");
const pragma = db.pragma.bind(db);
db.pragma = ((source: string, options?: Database.PragmaOptions) => {
  if (source === "user_version = 4") process.kill(process.pid, "SIGKILL");
  return pragma(source, options);
}) as typeof db.pragma;
migrateSqlite(db);
