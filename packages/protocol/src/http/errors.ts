/**
 * Error answers. Every refusal of the API is `{ error }` with a message a person can act on;
 * an import refused for its content adds the problems found (`errors`).
 */
import type { ImportIssue as ImportIssueRecord } from "@journeymap/schema";
import * as z from "zod/mini";
import type { Payload } from "./route.ts";

export const ErrorBody = z.object({ error: z.string() });
export type ErrorBody = Payload<typeof ErrorBody>;

/** One problem with an imported file, located as precisely as the format allows. */
export const ImportIssue: z.ZodMiniType<ImportIssueRecord> = z.object({
  path: z.string(),
  line: z.optional(z.int()),
  row: z.optional(z.int()),
  message: z.string(),
});
export type ImportIssue = Payload<typeof ImportIssue>;

/** A file that cannot be imported as it is: the message and every problem found. */
export const ImportRefusal = z.object({
  error: z.string(),
  errors: z.optional(z.array(ImportIssue)),
});
export type ImportRefusal = Payload<typeof ImportRefusal>;

/** The server's one-line account of a rejected body: `path: message; …` ("body" for the root). */
export function formatIssues(error: z.core.$ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}
