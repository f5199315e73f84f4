/** Entry point: read configuration, start, and shut down cleanly on SIGINT/SIGTERM. */
import { ConfigError, readConfig } from "./config.ts";
import { createServer } from "./createServer.ts";
import { createLogger, routeConsoleToLog } from "./logger.ts";

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const log = createLogger(config.logLevel);
routeConsoleToLog(log);
const server = await createServer(config, { logger: log });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
