/**
 * A handful of routes do not need a router library: the path is parsed here and navigation
 * uses the History API. `useRoute` re-renders on back/forward and on navigate().
 */
import { useSyncExternalStore } from "react";

export type Route =
  | { readonly page: "maps" }
  | { readonly page: "board"; readonly mapId: string }
  | { readonly page: "history"; readonly mapId: string }
  | { readonly page: "compare"; readonly mapId: string }
  | { readonly page: "present"; readonly mapId: string }
  | { readonly page: "contribute"; readonly mapId: string }
  | { readonly page: AccountPage }
  | { readonly page: "admin" }
  | {
      readonly page: "library";
      readonly workspaceId: string;
      readonly section: LibrarySection;
      /** One item of the section (a library persona's id); null: the section's list. */
      readonly itemId: string | null;
    }
  | { readonly page: "invitation"; readonly invitationId: string }
  | { readonly page: "notFound" };

/** The journey library's sections (issue 19), each at `/workspaces/<id>/<section>[/<item>]`. */
export const LIBRARY_SECTIONS = ["dashboard", "cards", "personas", "search"] as const;
export type LibrarySection = (typeof LIBRARY_SECTIONS)[number];

export function libraryPath(workspaceId: string, section: LibrarySection, itemId?: string): string {
  const base = `/workspaces/${encodeURIComponent(workspaceId)}/${section}`;
  return itemId ? `${base}/${encodeURIComponent(itemId)}` : base;
}

function libraryRoute(path: string): Route | null {
  const match = /^\/workspaces\/([A-Za-z0-9_-]{1,64})\/([a-z]+)(?:\/([A-Za-z0-9_-]{1,64}))?$/.exec(
    path,
  );
  const section = LIBRARY_SECTIONS.find((s) => s === match?.[2]);
  if (!match || !section) return null;
  return { page: "library", workspaceId: match[1]!, section, itemId: match[3] ?? null };
}

/** The pages of signing in, each at `/<page>`. */
export const ACCOUNT_PAGES = ["sign-in", "sign-up", "forgot-password", "reset-password"] as const;
export type AccountPage = (typeof ACCOUNT_PAGES)[number];

function accountPage(path: string): AccountPage | undefined {
  return ACCOUNT_PAGES.find((page) => path === `/${page}`);
}

/** Where to go after signing in: a path of this app only (never another site's address). */
export function returnPath(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/** `path?next=…`, carrying where the person was going (nothing when that is the home page). */
export function withNext(path: string, next: string): string {
  return next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;
}

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "" || pathname === "/maps") return { page: "maps" };
  const path = pathname.replace(/\/$/, "");
  const account = accountPage(path);
  if (account) return { page: account };
  if (path === "/admin") return { page: "admin" };
  const library = libraryRoute(path);
  if (library) return library;
  const invitation = /^\/invitations\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (invitation) return { page: "invitation", invitationId: invitation[1]! };
  const match = /^\/maps\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (match) return { page: "board", mapId: match[1]! };
  const history = /^\/maps\/([A-Za-z0-9_-]{1,64})\/history\/?$/.exec(pathname);
  if (history) return { page: "history", mapId: history[1]! };
  const compare = /^\/maps\/([A-Za-z0-9_-]{1,64})\/compare\/?$/.exec(pathname);
  if (compare) return { page: "compare", mapId: compare[1]! };
  const present = /^\/maps\/([A-Za-z0-9_-]{1,64})\/present\/?$/.exec(pathname);
  if (present) return { page: "present", mapId: present[1]! };
  const contribute = /^\/contribute\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (contribute) return { page: "contribute", mapId: contribute[1]! };
  return { page: "notFound" };
}

/**
 * Everything that reads the location (the route here, the view tab in views/useView.ts)
 * subscribes through this one set: back/forward and our own history writes both tell it.
 */
const listeners = new Set<() => void>();
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/** Tells the subscribers that the location changed through pushState/replaceState. */
export function notifyLocationChanged(): void {
  for (const listener of listeners) listener();
}

export function navigate(path: string): void {
  window.history.pushState(null, "", path);
  notifyLocationChanged();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
