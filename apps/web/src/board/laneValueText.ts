/**
 * A typed lane's value as words, for the table view, exports and screen readers:
 * "4 of 5", "12 min", "example.com/study", "Email, WhatsApp".
 */
import { channelLabel, type Lane, type LaneValue, RATING_MAX } from "@journeymap/schema";
import { metricText } from "../metrics/metricText.ts";

/** "example.com/study" for "https://www.example.com/study": what people recognise. */
export function shortLink(href: string): string {
  try {
    const url = new URL(href);
    const path = url.pathname === "/" ? "" : url.pathname;
    return `${url.hostname.replace(/^www\./, "")}${path}${url.search}`;
  } catch {
    return href;
  }
}

export function laneValueText(lane: Lane, value: LaneValue | undefined): string {
  if (value === undefined) return "";
  switch (lane.type) {
    case "rating":
      return `${value} of ${RATING_MAX}`;
    case "number": {
      const n = typeof value === "number" ? value.toLocaleString(undefined) : String(value);
      return lane.unit ? `${n} ${lane.unit}` : n;
    }
    case "link":
      return typeof value === "string" ? shortLink(value) : "";
    case "channels":
      return Array.isArray(value) ? value.map(channelLabel).join(", ") : "";
    case "metric":
      return metricText(lane, value);
    case "text":
      return "";
  }
}
