/**
 * Services the suites need (PostgreSQL, Redis, Chromium) may be missing on a developer's
 * machine: their tests then skip, with a message. Under CI=true a missing service fails the
 * run instead, so that CI never passes by skipping.
 */

/** Throws under CI; elsewhere warns that the `tests` are skipped, and answers false. */
export function skipOrFail(tests: string, message: string): false {
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`SKIPPING ${tests} tests: ${message}`);
  return false;
}

/** Whether `probe` reaches the service; see skipOrFail for when it does not. */
export async function serviceAvailable(
  service: string,
  address: string,
  probe: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    return skipOrFail(service, `${service} not reachable at ${address}: ${String(error)}`);
  }
}
