/**
 * Validation of mutation inputs. Mutations are called by our own UI and by the server on
 * behalf of API clients, so they clamp and normalise rather than trusting their caller;
 * what they write is always something the read model accepts unchanged.
 */
import { MAX_LONG_TEXT, MAX_SHORT_TEXT, isColour, toInt } from "../read/coerce.ts";

export function shortText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.slice(0, MAX_SHORT_TEXT);
}

export function longText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.slice(0, MAX_LONG_TEXT);
}

export function colour(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isColour(value)) throw new RangeError(`Not a #rrggbb colour: ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

export function clampInt(value: number | undefined, min: number, max: number): number | undefined {
  return value === undefined ? undefined : toInt(value, min, max, min);
}

export function oneOf<T extends string>(
  value: T | undefined,
  options: readonly T[],
  what: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!options.includes(value)) throw new RangeError(`Unknown ${what}: ${JSON.stringify(value)}`);
  return value;
}

/** Defaults overridden by the fields that are set (validators return undefined for unset ones). */
export function withDefaults(
  defaults: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}
