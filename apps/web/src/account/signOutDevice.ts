import { navigate } from "../router.ts";
import { forgetAccount, refreshAccount } from "./accountStore.ts";
import { forgetDevice } from "./forgetDevice.ts";

/**
 * Ends the session with `end` (sign out here, or everywhere), then removes the person's
 * local copies and tokens from this device and goes home. If the server cannot be reached
 * the session stays, and so does everything else: the person is told and can try again.
 */
export async function signOutDevice(end: () => Promise<unknown>): Promise<void> {
  await end();
  await forgetDevice();
  forgetAccount();
  navigate("/");
  await refreshAccount();
}
