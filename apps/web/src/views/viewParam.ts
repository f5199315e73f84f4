/**
 * Which view of the map is shown (board, table or insights), kept in the URL's `view`
 * parameter so a reload or a shared address opens the same view. The board is the default
 * and is not written to the URL.
 */
export const VIEWS = ["board", "table", "insights"] as const;
export type View = (typeof VIEWS)[number];

export function parseView(search: string): View {
  const value = new URLSearchParams(search).get("view");
  return (VIEWS as readonly string[]).includes(value ?? "") ? (value as View) : "board";
}

/** The same address with `view` set (or removed, for the board); other parameters and the fragment stay. */
export function hrefWithView(
  location: { pathname: string; search: string; hash: string },
  view: View,
): string {
  const params = new URLSearchParams(location.search);
  if (view === "board") params.delete("view");
  else params.set("view", view);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
}
