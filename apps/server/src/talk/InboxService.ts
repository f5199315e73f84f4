/**
 * The evidence inbox seen from outside: the map's outline (for the touchpoint picker), one
 * submission, a CSV import with preview, per-row errors and the reason each skipped row was
 * skipped. Every write is a server-side edit
 * of the map's talk document through LiveDocuments.
 */
import {
  csvTable,
  type InboxItem,
  itemForKey,
  MAX_IDEMPOTENCY_KEY,
  type InboxVia,
  readInboxItem,
  readJourneyMap,
  readTalk,
  submitToInbox,
  TALK_ROOT,
} from "@journeymap/schema";
import * as Y from "yjs";
import type { KeyedDigest } from "@journeymap/access";
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import type { LiveDocuments } from "../sync/LiveDocuments.ts";
import {
  type InboxImportResult,
  type InboxImportRow,
  type InboxItemView,
  MAX_INBOX_IMPORT_ROWS,
  type Outline,
  type SubmissionBody,
  type SubmitResult,
} from "@journeymap/protocol/http";
import { checkRows, repeatedKeys, SKIPPED, skipReason } from "./csvRows.ts";
import type { EventBus } from "../events/EventBus.ts";
import { evidenceSubmitted } from "../events/mapEvents.ts";

const ORIGIN = { kind: "server", reason: "contribution" } as const;

export class BadSubmission extends Error {
  override name = "BadSubmission";
}

/**
 * Who submits, as far as idempotency keys go. Keys are scoped to the token's link and, within
 * a share link many people hold, to the person: otherwise one contributor reusing another's key
 * (a guessable ticket number, say) got the other's item back.
 */
export interface Submitter {
  readonly linkId: string;
  /** "" for an API token (one integration); for a share link, what the submitter holds. */
  readonly person: string;
  readonly via: InboxVia;
}

/**
 * Keys are kept in the talk document, which viewers read, so they are stored as a digest with
 * the server's secret: nobody can read a key back or find the item another submitter's key
 * names. Scope "hmac" keeps them apart from the readable keys older versions stored.
 */
const KEY_SCOPE = "hmac";

function view(item: InboxItem): InboxItemView {
  const { decision: _, ...rest } = item;
  return rest;
}

/** One item by id (not a read of the whole talk document: an import looks up every row). */
function findItem(doc: Y.Doc, id: string): InboxItemView {
  const fields = doc.getMap(TALK_ROOT.inbox).get(id);
  if (!(fields instanceof Y.Map)) throw new Error(`Inbox item ${id} vanished`);
  return view(readInboxItem(id, fields));
}

export class InboxService {
  private readonly live: LiveDocuments;
  private readonly digest: KeyedDigest;
  private readonly now: () => number;

  /** Announces evidence submitted (evidence.submitted), for webhooks. */
  private readonly events: EventBus | null;

  constructor(
    live: LiveDocuments,
    digest: KeyedDigest,
    now: () => number = Date.now,
    events: EventBus | null = null,
  ) {
    this.live = live;
    this.digest = digest;
    this.now = now;
    this.events = events;
  }

  private announce(mapId: string, items: readonly InboxItemView[]): void {
    for (const item of items)
      void this.events?.emit("evidence.submitted", mapId, evidenceSubmitted(item));
  }

  private idempotency(who: Submitter, key: string | null) {
    if (key === null || key === "") return {};
    if (key.length > MAX_IDEMPOTENCY_KEY)
      throw new RangeError(`Idempotency keys are 1–${MAX_IDEMPOTENCY_KEY} characters`);
    return {
      idempotency: {
        scope: KEY_SCOPE,
        key: this.digest("idempotency-key", who.linkId, who.person, key),
      },
    };
  }

  outline(mapId: string): Promise<Outline> {
    return this.live.read(mapDocumentName(mapId), (doc) => {
      const map = readJourneyMap(doc);
      return {
        mapId,
        title: map.meta.title,
        phases: map.phases.map((p) => ({
          id: p.id,
          name: p.name,
          touchpoints: (map.touchpointsByPhase.get(p.id) ?? []).map((t) => ({
            id: t.id,
            name: t.name,
            channel: t.channel,
          })),
        })),
      };
    });
  }

  list(mapId: string): Promise<InboxItemView[]> {
    return this.live.read(talkDocumentName(mapId), (doc) => readTalk(doc).inbox.map(view));
  }

  private touchpointIds(mapId: string): Promise<Map<string, string>> {
    // id → id and lower-cased name → id, so a CSV may name the step instead of its id.
    return this.outline(mapId).then((o) => {
      const ids = new Map<string, string>();
      for (const p of o.phases)
        for (const t of p.touchpoints) {
          ids.set(t.id, t.id);
          if (!ids.has(t.name.toLowerCase())) ids.set(t.name.toLowerCase(), t.id);
        }
      return ids;
    });
  }

  async submit(
    mapId: string,
    body: SubmissionBody,
    who: Submitter,
    idempotencyKey: string | null,
  ): Promise<SubmitResult> {
    if (body.touchpointId) {
      const known = await this.touchpointIds(mapId);
      if (!known.has(body.touchpointId))
        throw new BadSubmission(`touchpointId: no touchpoint ${body.touchpointId} on this map`);
    }
    const result = await this.live.write(
      talkDocumentName(mapId),
      { author: `${body.contributor} (${who.via})` },
      (doc) => {
        const { itemId, created } = submitToInbox(
          doc,
          body,
          {
            via: who.via,
            ...this.idempotency(who, idempotencyKey),
          },
          { origin: ORIGIN, now: this.now },
        );
        return { item: findItem(doc, itemId), created };
      },
    );
    if (result.created) this.announce(mapId, [result.item]);
    return result;
  }

  /**
   * Validates every row. With `dryRun` (the preview), or when a row is invalid and
   * `skipInvalid` is not set, nothing is written: by default a file is imported whole or not
   * at all. With `skipInvalid` the valid rows are imported. A row's `key` column is its
   * idempotency key, so re-sending a file adds nothing twice; every row not imported says why.
   */
  async importCsv(
    mapId: string,
    text: string,
    who: Submitter,
    options: { readonly dryRun: boolean; readonly skipInvalid?: boolean },
  ): Promise<InboxImportResult> {
    const { dryRun, skipInvalid = false } = options;
    const table = csvTable(text);
    if (table.rows.length > MAX_INBOX_IMPORT_ROWS)
      throw new BadSubmission(
        `At most ${MAX_INBOX_IMPORT_ROWS} rows per import (got ${table.rows.length})`,
      );
    const checked = checkRows(table, await this.touchpointIds(mapId));
    const repeats = repeatedKeys(checked);
    const ignoredColumns = [...table.ignoredColumns];
    const valid = checked.every((r) => r.errors.length === 0);
    if (dryRun || (!valid && !skipInvalid)) {
      // What an import would do: the keys are looked up now, nothing is written.
      const rows = await this.live.read(talkDocumentName(mapId), (doc) =>
        checked.map((r) => {
          const used = r.key !== null && r.errors.length === 0 && this.keyUsed(doc, who, r.key);
          const skipped = skipReason(r, repeats, used);
          return {
            row: r.row,
            ok: r.errors.length === 0,
            errors: [...r.errors],
            ...(skipped ? { skipped } : {}),
          };
        }),
      );
      return { dryRun, imported: 0, ignoredColumns, rows };
    }
    const rows: InboxImportRow[] = await this.live.write(
      talkDocumentName(mapId),
      { author: `CSV import (${who.via})` },
      (doc) =>
        checked.map((r) => {
          if (!r.body)
            return { row: r.row, ok: false, errors: [...r.errors], skipped: SKIPPED.errors };
          const { itemId, created } = submitToInbox(
            doc,
            r.body,
            { via: "csv", ...this.idempotency(who, r.key) },
            { origin: ORIGIN, now: this.now },
          );
          const skipped = created ? undefined : skipReason(r, repeats, true);
          const item = findItem(doc, itemId);
          return {
            row: r.row,
            ok: true,
            errors: [],
            item,
            created,
            ...(skipped ? { skipped } : {}),
          };
        }),
    );
    this.announce(
      mapId,
      rows.flatMap((r) => (r.created && r.item ? [r.item] : [])),
    );
    return {
      dryRun,
      imported: rows.filter((r) => r.created).length,
      ignoredColumns,
      rows,
    };
  }

  /** Whether this submitter's `key` already names an item of the talk document. */
  private keyUsed(doc: Y.Doc, who: Submitter, key: string): boolean {
    const { idempotency } = this.idempotency(who, key);
    return (
      idempotency !== undefined && itemForKey(doc, idempotency.scope, idempotency.key) !== null
    );
  }
}
