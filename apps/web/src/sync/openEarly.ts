/**
 * Starts a board's slow parts the moment the address names a map, before the board's code has
 * loaded: who is signed in (GET /api/me, /api/instance) and the map's connection (socket,
 * server sync, local copy). The board would otherwise ask for each only once its chunks had
 * loaded and it had rendered, one after the other.
 *
 * The connection opens early only when the board would open it without asking anyone first:
 * the link's token settles without a question (settleAtOnce) and the person needs no guest
 * name (they have one on this device, or an account is known here; see useGuestName.ts).
 * Otherwise the board opens it itself, as before, once those are answered.
 */
import { knownPerson, refreshAccount } from "../account/accountStore.ts";
import type { Route } from "../router.ts";
import { displayName } from "./tokens.ts";
import { settleAtOnce } from "./useLinkToken.ts";

export function openBoardEarly(route: Route): void {
  if (route.page !== "board") return;
  void refreshAccount();
  const named = displayName().trim() !== "" || knownPerson() !== null;
  if (!named || !settleAtOnce(route.mapId)) return;
  void import("./earlyConnection.ts").then((early) => early.openEarly(route.mapId));
}
