/**
 * Structured JSON logs on stdout, one object per line. Untrusted values (document names,
 * addresses, client messages) go in fields, never inside the message: JSON escapes their
 * newlines, so a client cannot start a line of its own and forge an entry.
 */
import { format } from "node:util";
import type { AuthLog } from "@journeymap/accounts";
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "journeymap" } });
}

const CONSOLE_LEVELS = {
  error: "error",
  warn: "warn",
  info: "info",
  log: "info",
  debug: "debug",
} as const;

/**
 * Sends what libraries write to the console into the log, their text as a field. Hocuspocus
 * writes hook errors and limit warnings with the client's document name inside the text;
 * printed raw, a name holding a newline would forge a log line. For the server process only
 * (main.ts): it replaces the global console.
 */
export function routeConsoleToLog(log: Logger): void {
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    console[method as keyof typeof CONSOLE_LEVELS] = (...args: unknown[]) =>
      log[level]({ text: format(...args) }, "library output");
  }
}

/**
 * Where the accounts library's messages go (better-auth's, and ours about mail and sign-in):
 * into the log as a field, like library output above, since they may quote what people typed.
 */
export function authLog(log: Logger): AuthLog {
  return (level, message) => log[level]({ text: message }, "accounts");
}
