import { useState } from "react";
import { displayName, setDisplayName } from "../sync/tokens.ts";
import { useAccount } from "./accountStore.ts";

export interface GuestName {
  /** unknown: not yet known whether someone is signed in; ask: a guest with no name yet. */
  readonly state: "unknown" | "ask" | "ready";
  readonly setName: (name: string) => void;
}

/**
 * Whether to ask for a name before a board opens: people signed in are their account; a guest
 * (by a link, no account) is asked once, and the name is kept on this device.
 */
export function useGuestName(): GuestName {
  const { me } = useAccount();
  const [name, setName] = useState(displayName);
  // A name given before is enough either way (a signed-in person's is not used): no waiting.
  const state = name.trim() !== "" || me ? "ready" : me === undefined ? "unknown" : "ask";
  return {
    state,
    setName: (typed) => {
      setDisplayName(typed);
      setName(displayName());
    },
  };
}
