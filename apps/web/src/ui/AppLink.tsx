import type { AnchorHTMLAttributes } from "react";
import { navigate } from "../router.ts";

/**
 * A link to a page of this app: a real link (open in a new tab, copy its address), followed
 * without reloading the page on a plain click.
 */
export function AppLink({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}
