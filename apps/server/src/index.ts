export { type Config, ConfigError, readConfig } from "./config.ts";
export { createServer, type RunningServer, type ServerOptions } from "./createServer.ts";
export { CLOSE, DEFAULT_LIMITS, type Limits } from "./limits.ts";
