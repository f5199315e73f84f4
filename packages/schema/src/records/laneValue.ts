/**
 * The value of one cell of a typed lane, by the lane's type. Values come from the network,
 * so `readLaneValue` validates and clamps (a rating of 9 reads as 5, a `javascript:` link
 * reads as nothing); `validLaneValue` is the mutation side and refuses bad input with a
 * message people can act on, before anything is written.
 */
import { RATING_MAX, RATING_MIN, type LaneType } from "../vocabulary.ts";
import { toInt } from "../read/coerce.ts";
import type { MetricCell } from "../metrics/MetricCell.ts";
import { type ChannelEntry, toChannelList, validChannelList } from "./channelList.ts";

/** Numbers beyond this are typing accidents, and would print as exponents. */
export const MAX_LANE_NUMBER = 1e12;
export const MAX_LANE_UNIT = 12;
export const MAX_LINK = 2000;

export type LaneValue = number | string | readonly ChannelEntry[] | MetricCell;

/** An http(s) URL as written back by the URL parser, or null for anything else. */
export function toLink(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_LINK) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function toLaneNumber(value: unknown): number | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  return Math.min(MAX_LANE_NUMBER, Math.max(-MAX_LANE_NUMBER, value));
}

/** The stored value as the lane's type reads it, or null when there is none to show. */
export function readLaneValue(type: LaneType, value: unknown): LaneValue | null {
  switch (type) {
    case "rating": {
      const rating = toInt(value, RATING_MIN, RATING_MAX, Number.NaN);
      return Number.isNaN(rating) ? null : rating;
    }
    case "number":
      return toLaneNumber(value);
    case "channels": {
      const list = toChannelList(value);
      return list.length > 0 ? list : null;
    }
    case "link":
      return toLink(value);
    case "text":
    case "metric":
      // A metric cell spans several keys (its series): the lane reads it, see readMetricValues.
      return null;
  }
}

/** The value to store, or a RangeError explaining what a cell of this type accepts. */
export function validLaneValue(type: LaneType, value: unknown): LaneValue {
  switch (type) {
    case "rating":
      if (typeof value !== "number" || !Number.isInteger(value)) {
        throw new RangeError(`A rating is a whole number from ${RATING_MIN} to ${RATING_MAX}.`);
      }
      if (value < RATING_MIN || value > RATING_MAX) {
        throw new RangeError(`A rating is from ${RATING_MIN} to ${RATING_MAX}.`);
      }
      return value;
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new RangeError("This lane holds numbers.");
      }
      if (Math.abs(value) > MAX_LANE_NUMBER) throw new RangeError("That number is too large.");
      return value;
    }
    case "channels":
      if (!Array.isArray(value)) throw new RangeError("This lane holds a list of channels.");
      return validChannelList(value);
    case "link": {
      const link = toLink(value);
      if (link === null) throw new RangeError("A link starts with http:// or https://.");
      return link;
    }
    case "text":
      throw new RangeError("A text lane's cells are edited as text.");
    case "metric":
      throw new RangeError("A metric is recorded with recordMetrics, which knows its unit.");
  }
}

/** A unit as stored: trimmed, short. */
export function toLaneUnit(value: unknown): string {
  return typeof value === "string" ? value.trim().slice(0, MAX_LANE_UNIT) : "";
}
