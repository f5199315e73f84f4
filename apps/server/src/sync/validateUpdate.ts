/**
 * Checks an incoming Yjs update before it touches the live document: size, decodability and
 * the nesting depth of JSON values it carries. y-protocols swallows decode errors, so without
 * this a garbage update would be acknowledged as saved.
 */
import * as Y from "yjs";
import { CloseError, type Limits } from "../limits.ts";

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit) return depth;
  if (Array.isArray(value)) {
    let max = depth;
    for (const v of value) max = Math.max(max, depthOf(v, limit, depth + 1));
    return max;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Uint8Array)) {
    let max = depth;
    for (const v of Object.values(value)) max = Math.max(max, depthOf(v, limit, depth + 1));
    return max;
  }
  return depth;
}

/** Returns the decoded update, for the checks that need it next. */
export function validateUpdate(
  update: Uint8Array,
  limits: Pick<Limits, "maxUpdateBytes" | "maxValueDepth">,
): ReturnType<typeof Y.decodeUpdate> {
  if (update.length > limits.maxUpdateBytes) {
    throw new CloseError("updateTooLarge", `${update.length} bytes > ${limits.maxUpdateBytes}`);
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new CloseError("malformedUpdate", String((error as Error).message ?? error));
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    const values =
      content instanceof Y.ContentAny
        ? content.arr
        : content instanceof Y.ContentJSON
          ? content.arr
          : content instanceof Y.ContentEmbed
            ? [content.embed]
            : content instanceof Y.ContentFormat
              ? [content.value]
              : [];
    for (const value of values) {
      if (depthOf(value, limits.maxValueDepth) > limits.maxValueDepth) {
        throw new CloseError(
          "malformedUpdate",
          `values nested deeper than ${limits.maxValueDepth}`,
        );
      }
    }
  }
  return decoded;
}
