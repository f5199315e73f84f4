/**
 * Whether the server marked who did something as a guest (came by a link, without an
 * account). The server adds `guest` to each author it shows (protocol http/history.ts); the
 * schema's log types, which describe the log itself, do not carry it.
 */
export function guestOf(who: object): boolean {
  return (who as { readonly guest?: unknown }).guest === true;
}
