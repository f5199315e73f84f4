/**
 * Configuration from the environment, validated once at start. A bad value stops the server
 * with a message that names the variable and what is wrong with it.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { compileTrustProxy, type TrustProxy } from "./clientAddress.ts";
import { parseSigningKeys, type SigningKey } from "@journeymap/access";
import {
  ACCOUNTS_ENV,
  type AccountsConfig,
  AccountsConfigError,
  readAccountsConfig,
} from "@journeymap/accounts";
import {
  MAP_CREATIONS_PER_HOUR,
  MAX_MAP_BYTES,
  MAX_MAP_LOG_BYTES_PER_DAY,
  MIN_FREE_DISK_BYTES,
  type Quotas,
} from "./quota/quotas.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  WEB_DIST: z.string().min(1).default(path.join(REPO_ROOT, "apps/web/dist")),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,64}$/, "letters, digits, _ : - only")
    .default("journeymap"),
  MAX_CONNECTIONS: z.coerce.number().int().positive().optional(),
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().optional(),
  MAX_UNAUTHENTICATED_CONNECTIONS: z.coerce.number().int().positive().optional(),
  MAX_UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().optional(),
  MESSAGE_RATE_PER_SECOND: z.coerce.number().int().positive().optional(),
  MESSAGE_BURST: z.coerce.number().int().positive().optional(),
  HISTORY_RETENTION_DAYS: z.coerce.number().positive("must be a number of days above 0").optional(),
  MAP_CREATIONS_PER_HOUR: z.coerce.number().int().positive().default(MAP_CREATIONS_PER_HOUR),
  MAX_MAP_BYTES: z.coerce.number().int().positive().default(MAX_MAP_BYTES),
  MAX_MAP_LOG_BYTES_PER_DAY: z.coerce.number().int().positive().default(MAX_MAP_LOG_BYTES_PER_DAY),
  MAX_STORE_BYTES: z.coerce.number().int().positive().optional(),
  MIN_FREE_DISK_BYTES: z.coerce.number().int().min(0).default(MIN_FREE_DISK_BYTES),
  // Checked in readConfig (the two exclude each other); never echoed in errors.
  SIGNING_SECRET: z.string().optional(),
  SIGNING_SECRETS: z.string().optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .refine((value) => {
      const url = new URL(value);
      return url.search === "" && url.hash === "";
    }, "must have no query or fragment")
    .optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  WEBHOOKS_ALLOW_PRIVATE: z.enum(["true", "false", "1", "0"], "true or false").optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .refine((value) => {
      try {
        compileTrustProxy(value);
        return true;
      } catch {
        return false;
      }
    }, "addresses, CIDR subnets, loopback, linklocal or uniquelocal, separated by commas"),
  // Accounts: AUTH_SECRET, ALLOW_SIGNUP, SMTP_URL, MAIL_FROM, OIDC_* (packages/accounts).
  ...ACCOUNTS_ENV.shape,
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the folder holding the SQLite store. */
  readonly dataDir: string;
  /** Absolute path of the built web app (may not exist: the API still works). */
  readonly webDist: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** PostgreSQL connection URL; when absent the embedded SQLite store is used. */
  readonly databaseUrl: string | null;
  /** Redis for scale-out: several instances serving the same maps. */
  readonly redisUrl: string | null;
  readonly redisPrefix: string;
  /** Connection caps (defaults in limits.ts). */
  readonly maxConnections: number | null;
  readonly maxConnectionsPerAddress: number | null;
  /** Caps of sockets still waiting to authenticate (defaults in limits.ts). */
  readonly maxUnauthenticatedConnections: number | null;
  readonly maxUnauthenticatedConnectionsPerAddress: number | null;
  /** Per-socket message rate limit (defaults in limits.ts). */
  readonly messageRatePerSecond: number | null;
  readonly messageBurst: number | null;
  /** Edits older than this are compacted (history before them is no longer replayable); null keeps all. */
  readonly historyRetentionDays: number | null;
  /** Which peers are reverse proxies whose X-Forwarded-For names the real client. */
  readonly trustProxy: TrustProxy;
  /** Token-signing keys from the environment, the signing one first; [] uses the stored secret. */
  readonly signingKeys: readonly SigningKey[];
  /** The server's public URL (no trailing slash), named in the OpenAPI document; null: relative. */
  readonly publicUrl: string | null;
  /** Bearer token /metrics asks for; without one /metrics is not served (404). */
  readonly metricsToken: string | null;
  /** Whether webhooks may reach private, loopback and link-local addresses (docs/SECURITY.md). */
  readonly webhooksAllowPrivate: boolean;
  /** Storage quotas (defaults in quota/quotas.ts). */
  readonly quotas: Quotas;
  /** Sign-in: sign-up policy, session secret, mail, single sign-on. */
  readonly accounts: AccountsConfig;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  let signingKeys: SigningKey[];
  try {
    signingKeys = parseSigningKeys(e.SIGNING_SECRET, e.SIGNING_SECRETS);
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  SIGNING_SECRET(S): ${(error as Error).message}`,
    );
  }
  let accounts: AccountsConfig;
  try {
    accounts = readAccountsConfig(e);
  } catch (error) {
    if (!(error instanceof AccountsConfigError)) throw error;
    throw new ConfigError(`Invalid configuration:\n  ${error.message}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    webDist: path.resolve(cwd, e.WEB_DIST),
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    maxConnections: e.MAX_CONNECTIONS ?? null,
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS ?? null,
    maxUnauthenticatedConnections: e.MAX_UNAUTHENTICATED_CONNECTIONS ?? null,
    maxUnauthenticatedConnectionsPerAddress: e.MAX_UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS ?? null,
    messageRatePerSecond: e.MESSAGE_RATE_PER_SECOND ?? null,
    messageBurst: e.MESSAGE_BURST ?? null,
    historyRetentionDays: e.HISTORY_RETENTION_DAYS ?? null,
    trustProxy: compileTrustProxy(e.TRUST_PROXY),
    signingKeys,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, "") : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE === "true" || e.WEBHOOKS_ALLOW_PRIVATE === "1",
    quotas: {
      mapCreationsPerHour: e.MAP_CREATIONS_PER_HOUR,
      maxMapBytes: e.MAX_MAP_BYTES,
      maxMapLogBytesPerDay: e.MAX_MAP_LOG_BYTES_PER_DAY,
      maxStoreBytes: e.MAX_STORE_BYTES ?? null,
      minFreeDiskBytes: e.MIN_FREE_DISK_BYTES,
    },
    accounts,
  };
}
