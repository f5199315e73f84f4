import type { Persona } from "@journeymap/schema";
import { initials } from "../../ui/initials.ts";
import "../../ui/avatar.css";

/** A persona's initials on their colour (decorative: the name is always written beside it). */
export function PersonaAvatar({
  persona,
  small,
}: {
  persona: Persona | undefined;
  small?: boolean;
}) {
  return (
    <span
      className={small ? "avatar avatar--sm" : "avatar"}
      style={{ background: persona?.colour }}
      aria-hidden="true"
    >
      {initials(persona?.name ?? "?")}
    </span>
  );
}
