/** A card status menu's options, in the board's order and words. */
import { CARD_STATUSES } from "@journeymap/schema";
import { STATUS_WORDS } from "./cardWords.ts";

export function StatusOptions() {
  return CARD_STATUSES.map((s) => (
    <option key={s} value={s}>
      {STATUS_WORDS[s]}
    </option>
  ));
}
