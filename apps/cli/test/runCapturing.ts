/** Runs the CLI in the test's process, capturing what it prints. */
import { type CliIo, runCli } from "../src/cli.ts";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCapturing(
  argv: readonly string[],
  io: Omit<CliIo, "out" | "err"> = {},
): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    ...io,
  });
  return { code, out, err };
}
