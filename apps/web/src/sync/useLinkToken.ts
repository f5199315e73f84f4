/**
 * Settles the token a share link brings before the board connects with it (see linkToken.ts
 * for the rule). The server tells each token's role (POST /api/maps/lookup); when the link
 * would lower our access the person chooses: keep the current access or switch to the link.
 */
import { useEffect, useState } from "react";
import { callApi } from "../api/apiClient.ts";
import { askToConfirm } from "../ui/confirmRequests.ts";
import { chooseLinkToken, type TokenRole } from "./linkToken.ts";
import {
  clearLinkTokenFromUrl,
  heldRole,
  linkTokenInUrl,
  rememberToken,
  tokenFor,
} from "./tokens.ts";

/** The role `token` grants on `mapId`, null if none; throws when the server cannot be asked. */
async function roleOf(mapId: string, token: string): Promise<string | null> {
  const found = await callApi("lookupMaps", { body: { maps: [{ mapId, token }] } });
  return found.find((m) => m.id === mapId)?.role ?? null;
}

/**
 * Settles a link's token at once when no one need be asked: there is no link, or no token is
 * held for the map (the link's is kept). True when settled.
 */
export function settleAtOnce(mapId: string): boolean {
  const incoming = linkTokenInUrl();
  if (incoming === null) return true;
  if (tokenFor(mapId) !== "") return false;
  clearLinkTokenFromUrl();
  rememberToken(mapId, incoming);
  return true;
}

/** Settles `incoming` against the token held for `mapId`, asking the server and maybe the person. */
async function settle(mapId: string, incoming: string): Promise<void> {
  const heldToken = tokenFor(mapId);
  let held: TokenRole;
  let link: TokenRole;
  try {
    [held, link] = await Promise.all([
      roleOf(mapId, heldToken).then((role) => ({ token: heldToken, role })),
      roleOf(mapId, incoming).then((role) => ({ token: incoming, role })),
    ]);
  } catch {
    // Offline: nothing is known about the link; keep what works for now.
    return;
  }
  const choice = chooseLinkToken(held, link);
  const switchTo =
    choice === "adopt" ||
    (choice === "ask" &&
      (await askToConfirm({
        title: "Switch to this link's access?",
        body: `This link gives ${link.role} access; you have ${held.role} access to this map.`,
        confirmLabel: "Switch to this link",
        cancelLabel: "Keep my access",
        destructive: false,
      })));
  if (switchTo) rememberToken(mapId, incoming, link.role ?? undefined);
  else if (held.role && held.role !== heldRole(mapId)) rememberToken(mapId, heldToken, held.role);
}

/** False while a link's token is being settled; the board connects once it is true. */
export function useLinkToken(mapId: string): boolean {
  const [ready, setReady] = useState(() => linkTokenInUrl() === null);
  useEffect(() => {
    if (settleAtOnce(mapId)) return setReady(true);
    const incoming = linkTokenInUrl()!;
    clearLinkTokenFromUrl();
    let live = true;
    void settle(mapId, incoming).finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [mapId]);
  return ready;
}
