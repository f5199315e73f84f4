/**
 * A map archive to and from its file: JSON lines (docs/format.md, "Map archives"), bytes in
 * base64. Reading validates every line (@journeymap/protocol/archive) and then the whole
 * (checkMapArchive) before a store sees any of it.
 */
import {
  ARCHIVE_TABLES,
  type ArchiveBodyLine,
  type ArchiveTable,
  ArchiveBodyLine as BodyLine,
  ArchiveHeaderLine,
  MAP_ARCHIVE_FORMAT,
  MAP_ARCHIVE_KIND,
  MAX_ARCHIVE_BYTES,
} from "@journeymap/protocol/archive";
import type { LoggedUpdate } from "../documentLog.ts";
import {
  type ArchivedCheckpoint,
  ArchiveError,
  type ArchiveRow,
  checkMapArchive,
  type MapArchive,
} from "./mapArchive.ts";

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));

/** The archive as lines of JSON, each ending in a newline. */
export function encodeMapArchive(
  archive: MapArchive,
  meta: { readonly createdAt: number; readonly source: string },
): string {
  const body: ArchiveBodyLine[] = [
    ...ARCHIVE_TABLES.flatMap((table) =>
      archive.records[table].map((row) => ({ kind: "record" as const, table, row: { ...row } })),
    ),
    ...archive.updates.map((u) => ({
      kind: "update" as const,
      doc: u.doc,
      seq: u.seq,
      ts: u.ts,
      author: u.author,
      clientIds: [...u.clientIds],
      origin: u.origin,
      bytes: toBase64(u.bytes),
    })),
    ...archive.checkpoints.map((c) => ({
      kind: "checkpoint" as const,
      doc: c.doc,
      uptoSeq: c.uptoSeq,
      createdAt: c.createdAt,
      state: toBase64(c.state),
    })),
  ];
  const header = {
    kind: MAP_ARCHIVE_KIND,
    format: MAP_ARCHIVE_FORMAT,
    mapId: archive.mapId,
    createdAt: meta.createdAt,
    source: meta.source,
  };
  const lines = [header, ...body, { kind: "end", lines: body.length }];
  return `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;
}

function parseLine(text: string, number: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ArchiveError(`line ${number} is not JSON`);
  }
}

function issueOf(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "line"}: ${issue.message}` : "invalid";
}

/** The archive a file holds; throws ArchiveError naming the first problem. */
export function decodeMapArchive(text: string): MapArchive {
  if (Buffer.byteLength(text) > MAX_ARCHIVE_BYTES)
    throw new ArchiveError(`the archive is over ${MAX_ARCHIVE_BYTES / 1024 / 1024} MiB`);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const headerJson = parseLine(lines[0] ?? "", 1) as { kind?: unknown; format?: unknown };
  if (headerJson?.kind !== MAP_ARCHIVE_KIND) throw new ArchiveError("not a Journeymap map archive");
  if (headerJson.format !== MAP_ARCHIVE_FORMAT)
    throw new ArchiveError(
      `archive format ${String(headerJson.format)}: this Journeymap reads format ${MAP_ARCHIVE_FORMAT}`,
    );
  const header = ArchiveHeaderLine.safeParse(headerJson);
  if (!header.success) throw new ArchiveError(`line 1: ${issueOf(header.error)}`);

  const records = Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, [] as ArchiveRow[]])) as Record<
    ArchiveTable,
    ArchiveRow[]
  >;
  const updates: LoggedUpdate[] = [];
  const checkpoints: ArchivedCheckpoint[] = [];
  let ended = false;
  for (let i = 1; i < lines.length; i++) {
    if (ended) throw new ArchiveError(`line ${i + 1} follows the end line`);
    const parsed = BodyLine.safeParse(parseLine(lines[i]!, i + 1));
    if (!parsed.success) throw new ArchiveError(`line ${i + 1}: ${issueOf(parsed.error)}`);
    const line = parsed.data;
    if (line.kind === "record") records[line.table].push(line.row);
    else if (line.kind === "update") {
      const { kind: _, bytes, ...row } = line;
      updates.push({ ...row, bytes: fromBase64(bytes) });
    } else if (line.kind === "checkpoint") {
      const { kind: _, state, ...checkpoint } = line;
      checkpoints.push({ ...checkpoint, state: fromBase64(state) });
    } else if (line.lines !== i - 1)
      throw new ArchiveError(`the end line counts ${line.lines} lines, the file has ${i - 1}`);
    else ended = true;
  }
  if (!ended) throw new ArchiveError("the archive is cut short (no end line)");
  const archive: MapArchive = { mapId: header.data.mapId, records, updates, checkpoints };
  checkMapArchive(archive);
  return archive;
}
