/** The server's import endpoints: a preview that writes nothing, and the import itself. */
import type { ImportIssue } from "@journeymap/schema/format";
import { rememberToken } from "../sync/tokens.ts";
import type { PreviewResponse } from "./importSummary.ts";

export interface ImportRequest {
  readonly text: string;
  readonly fileName: string;
  /** For CSV files, which carry no title of their own. */
  readonly title?: string;
}

function query({ fileName, title }: ImportRequest): string {
  const q = new URLSearchParams({ filename: fileName });
  if (title?.trim()) q.set("title", title.trim());
  return q.toString();
}

/** Refused by the server before reading the file (size, kind, empty body). */
export class ImportRefused extends Error {
  readonly issues: readonly ImportIssue[];
  constructor(message: string, issues: readonly ImportIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

async function refusal(res: Response): Promise<ImportRefused> {
  const body = (await res.json().catch(() => ({}))) as {
    error?: string;
    errors?: ImportIssue[];
  };
  return new ImportRefused(
    body.error ?? `The server refused the file (${res.status})`,
    body.errors,
  );
}

export async function fetchPreview(request: ImportRequest): Promise<PreviewResponse> {
  const res = await fetch(`/api/import/preview?${query(request)}`, {
    method: "POST",
    headers: { "content-type": "text/plain; charset=utf-8" },
    body: request.text,
  });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as PreviewResponse;
}

/** Creates the map; this browser becomes its owner. */
export async function importMap(request: ImportRequest): Promise<{ id: string }> {
  const res = await fetch(`/api/maps/import?${query(request)}`, {
    method: "POST",
    headers: { "content-type": "text/plain; charset=utf-8" },
    body: request.text,
  });
  if (res.status !== 201) throw await refusal(res);
  const created = (await res.json()) as { id: string; token: string };
  rememberToken(created.id, created.token, "owner");
  return created;
}
