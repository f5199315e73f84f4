/**
 * Reads a Journeymap file (text or parsed JSON) into a snapshot: checks the envelope, picks
 * the version, migrates older versions, and reports every problem with its JSON path.
 */
import type { z } from "zod";
import type { MapSnapshot } from "../exchange/MapSnapshot.ts";
import type { ImportIssue, ImportPreview } from "./ImportPreview.ts";
import { mapFileV0Schema, templateFromV0 } from "./legacyV0.ts";
import { FORMAT_NAME, FORMAT_VERSION, mapFileSchema } from "./mapFileSchema.ts";
import { snapshotFromOutline } from "./outline.ts";
import { jsonNestsDeeperThan, MAX_ISSUES } from "./untrustedText.ts";

/**
 * Deeper JSON than this is refused before parsing (rich text nests ≤ 32 in the document):
 * the validators recurse, and a 2 M-deep array took JSON.parse alone over a second.
 */
export const MAX_JSON_DEPTH = 64;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function issuesOf(error: z.ZodError): ImportIssue[] {
  return error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function depthOf(value: unknown, limit: number): number {
  if (typeof value !== "object" || value === null) return 0;
  if (limit <= 0) return 1;
  let max = 0;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child, limit - 1));
  return max + 1;
}

const fail = (path: string, message: string): ImportPreview => ({
  kind: "json",
  snapshot: null,
  errors: [{ path, message }],
  notes: [],
});

export function readMapFile(input: string | unknown): ImportPreview {
  let value: unknown = input;
  if (typeof input === "string") {
    if (jsonNestsDeeperThan(input, MAX_JSON_DEPTH)) {
      return fail("", `nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    try {
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      return fail("", `not valid JSON (${(error as Error).message.slice(0, 200)})`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail("", "a Journeymap file is a JSON object");
  }
  if (depthOf(value, MAX_JSON_DEPTH + 1) > MAX_JSON_DEPTH) {
    return fail("", `nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  const envelope = value as Record<string, unknown>;
  if (envelope.format !== FORMAT_NAME) {
    return fail("format", `expected "${FORMAT_NAME}" (is this a Journeymap file?)`);
  }
  const version = envelope.version;
  if (version === FORMAT_VERSION) {
    const parsed = mapFileSchema.safeParse(value);
    if (!parsed.success)
      return { kind: "json", snapshot: null, errors: issuesOf(parsed.error), notes: [] };
    const { map, comments } = parsed.data;
    return {
      kind: "json",
      snapshot: map as MapSnapshot,
      ...(comments ? { comments } : {}),
      errors: [],
      notes: [],
    };
  }
  if (version === 0) {
    const parsed = mapFileV0Schema.safeParse(value);
    if (!parsed.success)
      return { kind: "json", snapshot: null, errors: issuesOf(parsed.error), notes: [] };
    return {
      kind: "json",
      snapshot: snapshotFromOutline(templateFromV0(parsed.data)),
      errors: [],
      notes: ["Migrated from format version 0: emotion scores 1–5 were rescaled to −3..+3."],
    };
  }
  if (typeof version === "number" && Number.isInteger(version) && version > FORMAT_VERSION) {
    return fail(
      "version",
      `version ${version} is newer than this server understands (${FORMAT_VERSION}); update Journeymap`,
    );
  }
  return fail("version", `unknown format version ${JSON.stringify(version)}`);
}
