/**
 * Request bodies of the API: a size limit answered with 413 before anything is read, and JSON
 * validated with the protocol's schemas, answered with a 400 naming every problem.
 */
import { formatIssues } from "@journeymap/protocol/http";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as z from "zod/mini";

// The protocol's schemas are zod/mini, which loads no messages of its own (the web app's
// bundle stays small); the server's refusals are English sentences, which tests pin.
z.config(z.locales.en());

/** Refuses bodies over `maxBytes` with 413 (`what`: "Body", "File"). */
export function limitBody(maxBytes: number, what = "Body"): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json({ error: `${what} larger than ${maxBytes} bytes` }, 413),
  });
}

/**
 * The JSON body validated by `schema`, or the 400 refusing it. An empty body reads as `{}`
 * (every field optional) unless `emptyIsInvalid`.
 */
export async function readBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
  { emptyIsInvalid = false } = {},
): Promise<z.output<S> | Response> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (emptyIsInvalid || text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      return c.json({ error: "Body is not valid JSON" }, 400);
    }
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : c.json({ error: formatIssues(parsed.error) }, 400);
}
