/** The talk API's calls for the inbox and the contributor form (see GET /api/openapi.json). */
import { IDEMPOTENCY_KEY_HEADER, SUBMITTER_HEADER } from "@journeymap/protocol";
import type { SubmissionInput } from "@journeymap/protocol/http";
import { callApi } from "../../api/apiClient.ts";
import { browserKey } from "../../sync/browserKey.ts";

export const fetchOutline = (mapId: string, token: string) =>
  callApi("getOutline", { params: { mapId }, token });

export const submitContribution = (
  mapId: string,
  token: string,
  input: SubmissionInput,
  idempotencyKey: string,
) =>
  callApi("submitEvidence", {
    params: { mapId },
    token,
    body: input,
    headers: {
      [IDEMPOTENCY_KEY_HEADER]: idempotencyKey,
      // Our keys are ours alone even when others submit through the same link.
      [SUBMITTER_HEADER]: browserKey(),
    },
  });

/** A CSV of evidence, previewed (`dryRun`) or imported; row errors come back as a result. */
/** `skipInvalid`: import the valid rows and skip the others (by default all or none). */
export const importCsv = (
  mapId: string,
  token: string,
  csv: string,
  dryRun: boolean,
  skipInvalid = false,
) =>
  callApi("importEvidenceCsv", {
    params: { mapId },
    token,
    body: csv,
    ...(dryRun || skipInvalid
      ? {
          query: {
            ...(dryRun ? { dryRun: true } : {}),
            ...(skipInvalid ? { skipInvalid: true } : {}),
          },
        }
      : {}),
  });
