/** Who "Mark as verified" records: the signed-in person's name, else the name this browser gave. */
import { useAccount } from "../account/accountStore.ts";
import { displayName } from "../sync/tokens.ts";

export function useVerifierName(): string {
  const { me } = useAccount();
  return me?.user.name || displayName() || "Someone";
}
