/**
 * Wires the server: one HTTP server for the API and the web app, WebSocket upgrades on /sync
 * passed through the WebSocketGate to Hocuspocus, the store (SQLite, or PostgreSQL when
 * DATABASE_URL is set) with the accounts in the same database, and Redis for scale-out when
 * REDIS_URL is set. main.ts only reads config and handles signals.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { type connectedPayload, type Extension, Hocuspocus } from "@hocuspocus/server";
import type { Config } from "./config.ts";
import { createHttpApp } from "./http/createHttpApp.ts";
import { createImportPool } from "./import/importPool.ts";
import { BROADCAST_BATCH_BYTES, type CloseReason, DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { createLogger, type Logger } from "./logger.ts";
import { Metrics } from "./Metrics.ts";
import { meteredStore } from "./store/meteredStore.ts";
import { AccessService, AccountAccess, createKeyedDigest } from "@journeymap/access";
import { type Accounts, createAccounts } from "@journeymap/accounts";
import {
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  scheduleRetention,
  storeFileIn,
} from "@journeymap/storage";
import { UpdateGuard } from "./sync/UpdateGuard.ts";
import { WebSocketGate } from "./sync/WebSocketGate.ts";
import { InboxService } from "./talk/InboxService.ts";
import { TalkGuard } from "./sync/TalkGuard.ts";
import { LiveDocuments } from "./sync/LiveDocuments.ts";
import { type ContribLimits, createTalkRoutes } from "./http/talkRoutes.ts";
import { createMetricRoutes } from "./http/metricRoutes.ts";
import { MetricService } from "./metrics/MetricService.ts";
import { Access } from "./sync/Access.ts";
import { LinkGuard } from "./sync/LinkGuard.ts";
import { AccountGuard } from "./sync/AccountGuard.ts";
import { authLog } from "./logger.ts";
import { localRevocations, redisRevocations } from "./sync/revocations.ts";
import { ScaleOut } from "./sync/ScaleOut.ts";
import { Presence } from "./sync/Presence.ts";
import { Persistence } from "./sync/Persistence.ts";
import { creationQuota } from "./quota/creationQuota.ts";
import { freeBytesOf, StoreHealth } from "./quota/StoreHealth.ts";
import { EventBus } from "./events/EventBus.ts";
import { MentionEvents } from "./events/MentionEvents.ts";
import { createWebhookRoutes } from "./http/webhookRoutes.ts";
import { createVoteApi } from "./votes/voteApi.ts";
import { createFreshness } from "./freshness/createFreshness.ts";
import { createLibrary } from "./library/createLibrary.ts";
import type { LibrarySink } from "./library/MapIndexer.ts";
import {
  createWebhooks,
  DEFAULT_WEBHOOK_OPTIONS,
  type WebhookOptions,
} from "./webhooks/createWebhooks.ts";

/** How long shutdown waits for documents to be stored and unloaded. */
const SHUTDOWN_STORE_TIMEOUT_MS = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly store: MapStore;
  readonly hocuspocus: Hocuspocus;
  readonly metrics: Metrics;
  /** People, sessions and workspaces (the CLI's admin commands open their own). */
  readonly accounts: Accounts;
  /** Stores every loaded document, closes connections and the store. */
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly logger?: Logger;
  /** Overrides of the sync limits (tests use short timeouts). */
  readonly limits?: Partial<Limits>;
  /** Rate limits of the contribution API (tests use small ones). */
  readonly contribLimits?: ContribLimits;
  /** Webhook delivery settings (tests retry within milliseconds). */
  readonly webhooks?: Partial<WebhookOptions>;
  /** More consumers of the journey library's index (tests watch what it indexes). */
  readonly librarySinks?: readonly LibrarySink[];
}

export async function createServer(
  config: Config,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const log = options.logger ?? createLogger(config.logLevel);
  const limits = limitsOf(config, options.limits);
  const loaded = { count: () => 0 };
  const metrics = new Metrics(() => loaded.count());
  const rawStore: MapStore = config.databaseUrl
    ? await PostgresMapStore.open(config.databaseUrl)
    : new SqliteMapStore(storeFileIn(config.dataDir));
  const store = meteredStore(rawStore, metrics);
  const access = await AccessService.create(store, Date.now, config.signingKeys);
  const digest = createKeyedDigest(await store.getSecret());
  // What happened on maps (events/), carried out by the webhooks (webhooks/).
  const events = new EventBus(log);
  const webhooks = createWebhooks(
    store,
    events,
    {
      ...DEFAULT_WEBHOOK_OPTIONS,
      allowPrivate: config.webhooksAllowPrivate,
      ...options.webhooks,
    },
    log,
  );
  // The gate needs Hocuspocus and a hook of Hocuspocus needs the gate: tie the knot here.
  const sockets: { gate: WebSocketGate | null } = { gate: null };
  /** Closes a whole socket by the key hooks see in their context (rejected input, lost access). */
  const closeSocket = (socketKey: unknown, kind: CloseReason, reason?: string) =>
    sockets.gate?.closeSocket(socketKey, kind, reason);
  const { guard, accountGuard, redis, revocations, roles, accounts } = await connectPeople(config, {
    store,
    access,
    closeSocket,
    log,
  });
  // Room on the disk and under the store quota; the disk is only ours to measure for SQLite.
  const health = new StoreHealth(
    {
      freeDiskBytes: config.databaseUrl ? async () => null : () => freeBytesOf(config.dataDir),
      storeBytes: () => rawStore.storeBytes(),
    },
    config.quotas,
  );
  // One creation quota for every door that makes maps (HTTP routes and the library's).
  const guardCreation = creationQuota(config.quotas.mapCreationsPerHour, config.trustProxy, health);
  // The journey library's index, kept current from the update path (library/).
  const library = createLibrary({ store, access, roles, accounts, events, log, guardCreation });
  for (const sink of options.librarySinks ?? []) library.indexer.add(sink);
  const persistence = new Persistence(store, log, {
    health,
    quotas: config.quotas,
    closeSocket,
    // Scale-out relays an update to other instances through Redis as it is applied, past the
    // gate: there, each append is awaited before the update is applied.
    ...(config.redisUrl
      ? {}
      : {
          holdDocument: (documentName: string, appended: Promise<unknown>) =>
            sockets.gate?.holdDocument(documentName, appended),
        }),
  });
  const hocuspocus = createHocuspocus(limits, [
    ...(redis ? [redis.extension] : []),
    guard,
    accountGuard,
    new UpdateGuard(limits, (kind, socketKey, reason) => closeSocket(socketKey, kind, reason)),
    new Access({
      store,
      access,
      digest,
      accounts,
      roles,
      publicUrl: config.publicUrl,
      closeSocket,
    }),
    new TalkGuard(),
    new Presence(limits, (kind, socketKey, reason) => closeSocket(socketKey, kind, reason)),
    persistence,
    library.indexer,
    new MentionEvents(events),
    {
      extensionName: "journeymap-socket-auth",
      async connected({ context, connection }: connectedPayload<{ socketKey?: string }>) {
        sockets.gate?.documentOpened(context.socketKey, connection);
      },
    },
  ]);
  loaded.count = () => hocuspocus.getDocumentsCount();
  const gate = new WebSocketGate(hocuspocus, limits, log, metrics, {
    trustProxy: config.trustProxy,
  });
  sockets.gate = gate;
  const onRevoke = (_mapId: string, linkId: string) => revocations.linkRevoked(linkId);
  const inbox = new InboxService(
    new LiveDocuments(hocuspocus, persistence),
    digest,
    Date.now,
    events,
  );
  const contrib = createTalkRoutes({
    access,
    inbox,
    ...(options.contribLimits ? { limits: options.contribLimits } : {}),
  });
  const imports = createImportPool();
  const freshness = createFreshness({
    store,
    access,
    events,
    findUser: (id) => accounts.findUser(id),
    log,
  });
  const app = createHttpApp({
    imports,
    store,
    access,
    onRevoke,
    onAccessChanged: (userId) => revocations.accessChanged(userId),
    accounts,
    accountsConfig: config.accounts,
    roles,
    trustProxy: config.trustProxy,
    webDist: config.webDist,
    log,
    metrics,
    metricsToken: config.metricsToken,
    routes: [
      contrib,
      createWebhookRoutes({ webhooks: webhooks.service, access, roles }),
      createVoteApi({ live: new LiveDocuments(hocuspocus, persistence), store, access, digest }),
      freshness.routes,
      ...library.routes(new LiveDocuments(hocuspocus, persistence)),
      createMetricRoutes({
        access,
        metrics: new MetricService(new LiveDocuments(hocuspocus, persistence), events),
      }),
    ],
    events,
    publicUrl: config.publicUrl,
    ...(redis ? { bus: redis } : {}),
    health,
    guardCreation,
  });
  const server = http.createServer(getRequestListener(app.fetch));
  server.on("upgrade", gate.handleUpgrade);
  const { port, url } = await listen(server, config, log, store.kind);
  // The sweep purges the trash always, and compacts history when HISTORY_RETENTION_DAYS is set.
  library.indexer.start();
  const stopRetention = scheduleRetention(
    rawStore,
    config.historyRetentionDays ? config.historyRetentionDays * DAY_MS : null,
    log,
  );

  let closing: Promise<void> | null = null;
  return {
    port,
    url,
    store,
    hocuspocus,
    metrics,
    accounts,
    close: () => {
      closing ??= shutdown(server, hocuspocus, gate, [
        () => webhooks.stop(),
        () => guard.stop(),
        () => accountGuard.stop(),
        () => revocations.close(),
        () => redis?.close(),
        stopRetention,
        freshness.stop,
        library.stop,
        () => imports.close(),
        () => accounts.close(),
        () => store.close(),
      ]);
      return closing;
    },
  };
}

/** The sync limits: the defaults, then what the config sets, then the caller's overrides. */
function limitsOf(config: Config, overrides: Partial<Limits> = {}): Limits {
  return {
    ...DEFAULT_LIMITS,
    ...(config.maxConnections ? { maxConnections: config.maxConnections } : {}),
    ...(config.maxUnauthenticatedConnections
      ? { maxUnauthenticatedConnections: config.maxUnauthenticatedConnections }
      : {}),
    ...(config.maxUnauthenticatedConnectionsPerAddress
      ? { maxUnauthenticatedConnectionsPerAddress: config.maxUnauthenticatedConnectionsPerAddress }
      : {}),
    ...(config.maxConnectionsPerAddress
      ? { maxConnectionsPerAddress: config.maxConnectionsPerAddress }
      : {}),
    ...(config.messageRatePerSecond ? { messageRatePerSecond: config.messageRatePerSecond } : {}),
    ...(config.messageBurst ? { messageBurst: config.messageBurst } : {}),
    ...overrides,
  };
}

interface PeopleDeps {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly closeSocket: (socketKey: unknown, kind: CloseReason, reason?: string) => void;
  readonly log: Logger;
}

/**
 * The accounts, a person's role on a map, and what ends live connections when access does:
 * the link and account guards, and the revocation bus (Redis when REDIS_URL is set).
 */
async function connectPeople(config: Config, { store, access, closeSocket, log }: PeopleDeps) {
  // Scale-out: Hocuspocus' Redis extension relays updates and awareness between instances
  // (its relayed updates carry origin "redis" and are logged by the receiving instance only).
  // Live connections end when their link does, on every instance (sync/LinkGuard.ts); after a
  // Redis outage the links are re-read, as revocations sent meanwhile were lost.
  const guard = new LinkGuard({
    isLive: (linkId) => access.isLive(linkId),
    closeSocket,
    log,
  });
  // Accounts share the store's database (SQLite file or PostgreSQL) on their own connection.
  const people: { accounts: Accounts | null } = { accounts: null };
  const roles = new AccountAccess(store, {
    workspacesOf: (userId) => people.accounts?.workspacesOf(userId) ?? Promise.resolve([]),
    findUser: (userId) => people.accounts?.findUser(userId) ?? Promise.resolve(null),
  });
  // A signed-in person's live connections follow their access (sync/AccountGuard.ts).
  const accountGuard = new AccountGuard({ roles, closeSocket, log });
  const redis = config.redisUrl
    ? new ScaleOut(config.redisUrl, config.redisPrefix, log, () => {
        void guard.recheck();
        void accountGuard.recheck();
      })
    : null;
  const onRevoked = {
    link: (linkId: string) => guard.revoke(linkId),
    person: (userId: string) => void accountGuard.accessChanged(userId),
  };
  const revocations = config.redisUrl
    ? redisRevocations(config.redisUrl, config.redisPrefix, onRevoked, log)
    : localRevocations(onRevoked);
  const accounts = await createAccounts({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    publicUrl: config.publicUrl,
    config: config.accounts,
    log: authLog(log),
    onMembershipChanged: (userIds) => {
      for (const userId of userIds) revocations.accessChanged(userId);
    },
  });
  people.accounts = accounts;
  if (config.redisUrl && config.databaseUrl === null) {
    log.warn("REDIS_URL without DATABASE_URL: each instance has its own SQLite store");
  }
  return { guard, accountGuard, redis, revocations, roles, accounts };
}

function createHocuspocus(limits: Limits, extensions: Extension[]): Hocuspocus {
  return new Hocuspocus({
    name: "journeymap",
    quiet: true,
    // Backstop only: WebSocketGate enforces the authentication deadline and idle timeout.
    timeout: Math.max(limits.authTimeoutMs, limits.idleTimeoutMs) * 2,
    // Backstop too: WebSocketGate counts what a socket sends before authenticating.
    maxUnauthenticatedQueueSize: limits.maxUnauthenticatedBytes,
    // Hocuspocus merges the updates of one event-loop turn before broadcasting them, up to
    // flushMaxBytes (1 MB by default). Y.mergeUpdates is superlinear in the number of updates
    // (it re-sorts its decoders per struct): a burst of 20,000 small updates spent 52% of the
    // server's CPU there (burst ingest 2.5x faster with the cap; docs/benchmarks.md). A small
    // cap keeps the batching and bounds the merge.
    flushMaxBytes: BROADCAST_BATCH_BYTES,
    extensions,
  });
}

async function listen(server: http.Server, config: Config, log: Logger, storeKind: string) {
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === "0.0.0.0" ? "localhost" : config.host;
  log.info({ port, store: storeKind }, `Journeymap listening on http://${shownHost}:${port}`);
  return { port, url: `http://${shownHost}:${port}` };
}

/**
 * Stops taking connections, closes the open ones, then lets Hocuspocus store and unload every
 * document before `closers` (the store last) run, one after the other.
 */
async function shutdown(
  server: http.Server,
  hocuspocus: Hocuspocus,
  gate: WebSocketGate,
  closers: ReadonlyArray<() => unknown>,
): Promise<void> {
  server.close();
  hocuspocus.closeConnections();
  gate.closeAll();
  const deadline = Date.now() + SHUTDOWN_STORE_TIMEOUT_MS;
  do {
    await hocuspocus.flushPendingStores();
    await new Promise((r) => setTimeout(r, 20));
  } while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline);
  server.closeAllConnections();
  for (const close of closers) await close();
}
