import { initials } from "./initials.ts";
import "./avatar.css";

/**
 * A person's or persona's initials on their colour. Hidden from assistive technology: the
 * name always stands beside it.
 */
export function Avatar({
  name,
  colour,
  large = false,
}: {
  name: string;
  colour: string;
  large?: boolean;
}) {
  return (
    <span
      className={large ? "avatar avatar--lg" : "avatar"}
      style={{ background: colour }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
