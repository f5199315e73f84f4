/**
 * Who is signed in on this device, and how people sign in here (GET /api/me and
 * GET /api/instance): read when the app starts and again after every sign-in, sign-out or
 * workspace change. The last person seen is kept in localStorage, so a board opened offline
 * still knows whether to ask for a guest's name; it is only shown, never trusted (the server
 * reads the session cookie), and signing out removes it (forgetDevice.ts).
 */
import { WORKSPACE_ROLE } from "@journeymap/protocol";
import type { Instance, Me } from "@journeymap/protocol/http";
import { useEffect, useSyncExternalStore } from "react";
import { ApiError, callApi } from "../api/apiClient.ts";

export const ME_STORAGE_KEY = "journeymap.me";

export interface AccountState {
  /** The signed-in person; null when signed out; undefined until first known. */
  readonly me: Me | null | undefined;
  /** How people sign in here; null until the server answered. */
  readonly instance: Instance | null;
}

function storedMe(): Me | undefined {
  try {
    const raw = localStorage.getItem(ME_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Me) : undefined;
  } catch {
    return undefined;
  }
}

function storeMe(me: Me | null): void {
  try {
    if (me) localStorage.setItem(ME_STORAGE_KEY, JSON.stringify(me));
    else localStorage.removeItem(ME_STORAGE_KEY);
  } catch {
    // No storage (private mode): known for this page only.
  }
}

let state: AccountState = { me: storedMe(), instance: null };
let started = false;
const listeners = new Set<() => void>();

function publish(next: AccountState): void {
  state = next;
  for (const listener of listeners) listener();
}

async function readMe(): Promise<Me | null | undefined> {
  try {
    return await callApi("getMe", {});
  } catch (error) {
    // 401: signed out. Anything else (offline, a server restarting): what we knew stands.
    return error instanceof ApiError && error.status === 401 ? null : state.me;
  }
}

/** Asks the server again who is signed in (after signing in or out, joining a workspace…). */
export async function refreshAccount(): Promise<AccountState> {
  started = true;
  const [read, instance] = await Promise.all([
    readMe(),
    callApi("getInstance", {}).catch(() => state.instance),
  ]);
  // Never known and the server cannot be asked (offline): shown as signed out.
  const me = read ?? null;
  storeMe(me);
  publish({ me, instance });
  return state;
}

/** Forgets the person at once (signing out), before the server is asked again. */
export function forgetAccount(): void {
  storeMe(null);
  publish({ ...state, me: null });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The account state; the first component to ask starts reading it. */
export function useAccount(): AccountState {
  useEffect(() => {
    if (!started) void refreshAccount();
  }, []);
  return useSyncExternalStore(subscribe, () => state);
}

/** Whether the admin page has anything for this person (the instance, or a workspace). */
export function administers(me: Me): boolean {
  return me.user.admin || me.workspaces.some((w) => w.role === WORKSPACE_ROLE.admin);
}

/** The signed-in person as last known on this device, without asking (offline boards). */
export function knownPerson(): Me["user"] | null {
  return state.me?.user ?? null;
}
