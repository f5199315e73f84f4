/** Client of the contribution API (see GET /api/openapi.json). */
import type { Channel, EvidenceKind } from "@journeymap/schema";
import { browserKey } from "../../sync/browserKey.ts";

export interface Outline {
  readonly mapId: string;
  readonly title: string;
  readonly phases: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly touchpoints: ReadonlyArray<{ id: string; name: string; channel: Channel }>;
  }>;
}

export interface SubmissionInput {
  readonly text: string;
  readonly kind: EvidenceKind;
  readonly source?: string;
  readonly url?: string;
  readonly touchpointId?: string | null;
  readonly sentiment?: number | null;
  readonly contributor: string;
  readonly team?: string;
}

export interface ImportRow {
  readonly row: number;
  readonly ok: boolean;
  readonly errors: readonly string[];
  readonly created?: boolean;
}

export interface ImportResult {
  readonly dryRun: boolean;
  readonly imported: number;
  readonly ignoredColumns: readonly string[];
  readonly rows: readonly ImportRow[];
}

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function call<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` },
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  // 422: a CSV with row errors; its body is the per-row report, not a failure to show.
  if (!res.ok && res.status !== 422)
    throw new ApiError(res.status, body.error ?? `Request failed (${res.status})`);
  return body as T;
}

export const fetchOutline = (mapId: string, token: string) =>
  call<Outline>(`/api/maps/${mapId}/outline`, token);

export const submitContribution = (
  mapId: string,
  token: string,
  input: SubmissionInput,
  idempotencyKey: string,
) =>
  call<{ created: boolean }>(`/api/maps/${mapId}/inbox`, token, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": idempotencyKey,
      // Our keys are ours alone even when others submit through the same link.
      "journeymap-submitter": browserKey(),
    },
    body: JSON.stringify(input),
  });

export const importCsv = (mapId: string, token: string, csv: string, dryRun: boolean) =>
  call<ImportResult>(`/api/maps/${mapId}/inbox/import${dryRun ? "?dryRun=true" : ""}`, token, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: csv,
  });
