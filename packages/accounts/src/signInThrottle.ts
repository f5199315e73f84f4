/**
 * Password guessing throttle, a small better-auth plugin. better-auth's own rate limiter
 * counts *requests* per address and path; what stops guessing is counting *failures*, per
 * account as well as per address: guesses spread over many addresses still reach the
 * account's limit, and an office behind one address is not slowed by its successful
 * sign-ins. Counters live in the database (`auth_sign_in_failure`), so every instance sees
 * them. Unknown emails are counted like known ones, so a 429 says nothing about which exist.
 * Reset requests are counted per email whatever their outcome (each may send a mail).
 */
import { APIError, type BetterAuthPlugin, type DBAdapter } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { TABLE } from "./tables.ts";

export interface Limit {
  readonly max: number;
  readonly windowMs: number;
}

/** Ten wrong passwords per quarter hour lets a person retry; a guesser gets 960 a day. */
export const FAILED_SIGN_INS_PER_EMAIL: Limit = { max: 10, windowMs: 15 * 60_000 };
/** Higher than per email: many people may share an office's address. */
export const FAILED_SIGN_INS_PER_ADDRESS: Limit = { max: 30, windowMs: 15 * 60_000 };
/** Each request may mail the account's owner: a few an hour is enough for a person. */
export const RESET_REQUESTS_PER_EMAIL: Limit = { max: 5, windowMs: 60 * 60_000 };

const SIGN_IN_PATH = "/sign-in/email";
const RESET_REQUEST_PATH = "/request-password-reset";
const MODEL = "signInFailure";

/** One row of auth_sign_in_failure: failures (or reset requests) under one key in one window. */
interface Counter {
  readonly key: string;
  readonly count: number;
  readonly windowStart: number;
}

/** Whether a counter has reached its limit within its window. */
export function isOverLimit(counter: Counter | null, limit: Limit, now: number): boolean {
  return (
    counter !== null &&
    now - Number(counter.windowStart) < limit.windowMs &&
    counter.count >= limit.max
  );
}

function tooManyAttempts(limit: Limit): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_ATTEMPTS", message: "Too many attempts. Try again later." },
    { "Retry-After": String(Math.ceil(limit.windowMs / 1000)) },
  );
}

async function readCounter(adapter: DBAdapter, key: string): Promise<Counter | null> {
  return adapter.findOne<Counter>({ model: MODEL, where: [{ field: "key", value: key }] });
}

/** Adds one to a counter, starting a new window when the last one is over. */
async function count(adapter: DBAdapter, key: string, limit: Limit, now: number): Promise<void> {
  const counter = await readCounter(adapter, key);
  const byKey = [{ field: "key", value: key }];
  if (counter === null) {
    try {
      await adapter.create({ model: MODEL, data: { key, count: 1, windowStart: now } });
      return;
    } catch {
      // Another request created it meanwhile: count on it below.
    }
  } else if (now - Number(counter.windowStart) >= limit.windowMs) {
    await adapter.update({ model: MODEL, where: byKey, update: { count: 1, windowStart: now } });
    return;
  }
  await adapter.incrementOne({ model: MODEL, where: byKey, increment: { count: 1 } });
}

interface Keyed {
  readonly key: string;
  readonly limit: Limit;
}

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email !== "" ? email.trim().toLowerCase() : null;
}

function signInKeys(email: string | null, address: string | null): Keyed[] {
  const keys: Keyed[] = [];
  if (email !== null)
    keys.push({ key: `sign-in:email:${email}`, limit: FAILED_SIGN_INS_PER_EMAIL });
  if (address !== null)
    keys.push({ key: `sign-in:address:${address}`, limit: FAILED_SIGN_INS_PER_ADDRESS });
  return keys;
}

async function refuseOverLimit(adapter: DBAdapter, keys: readonly Keyed[], now: number) {
  for (const { key, limit } of keys)
    if (isOverLimit(await readCounter(adapter, key), limit, now)) throw tooManyAttempts(limit);
}

/** Rows whose window ended long ago are dropped now and then, so the table stays small. */
async function forgetOldCounters(adapter: DBAdapter, now: number): Promise<void> {
  const longest = Math.max(
    FAILED_SIGN_INS_PER_EMAIL.windowMs,
    FAILED_SIGN_INS_PER_ADDRESS.windowMs,
    RESET_REQUESTS_PER_EMAIL.windowMs,
  );
  await adapter.deleteMany({
    model: MODEL,
    where: [{ field: "windowStart", operator: "lt", value: now - longest }],
  });
}

export function signInThrottle(addressOf: (request: Request | undefined) => string | null) {
  return {
    id: "journeymap-sign-in-throttle",
    schema: {
      [MODEL]: {
        modelName: TABLE.signInFailure,
        fields: {
          key: { type: "string", required: true, unique: true },
          count: { type: "number", required: true },
          windowStart: { type: "number", bigint: true, required: true },
        },
      },
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const keys = signInKeys(emailOf(ctx.body), addressOf(ctx.request));
            await refuseOverLimit(ctx.context.adapter, keys, Date.now());
          }),
        },
        {
          matcher: (ctx) => ctx.path === RESET_REQUEST_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (email === null) return;
            const keyed = { key: `reset:email:${email}`, limit: RESET_REQUESTS_PER_EMAIL };
            const now = Date.now();
            await refuseOverLimit(ctx.context.adapter, [keyed], now);
            await count(ctx.context.adapter, keyed.key, keyed.limit, now);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            const adapter = ctx.context.adapter;
            const email = emailOf(ctx.body);
            const now = Date.now();
            if (isAPIError(returned) && returned.statusCode === 401) {
              for (const { key, limit } of signInKeys(email, addressOf(ctx.request)))
                await count(adapter, key, limit, now);
              await forgetOldCounters(adapter, now);
            } else if (!isAPIError(returned) && email !== null) {
              // Signed in: the account's earlier failures were its owner's typos.
              await adapter.deleteMany({
                model: MODEL,
                where: [{ field: "key", value: `sign-in:email:${email}` }],
              });
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
