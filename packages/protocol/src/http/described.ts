import * as z from "zod/mini";

/** `schema` with a description for the OpenAPI document (zod/mini has no `.meta()` method). */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.meta({ description })) as T;
}
