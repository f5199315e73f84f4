/** A refusal of the command line itself: exit code 2, with the usage (cli.ts reportFailure). */
export class UsageError extends Error {}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}
