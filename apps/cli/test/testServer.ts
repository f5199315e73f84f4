/** A real server on port 0 over a store folder, for the CLI to talk to or share the store with. */
import { createServer, readConfig, type RunningServer } from "@journeymap/server";

export async function serverOn(dataDir: string): Promise<{ server: RunningServer; url: string }> {
  const server = await createServer(
    readConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      WEB_DIST: "/nonexistent",
      LOG_LEVEL: "silent",
    }),
  );
  return { server, url: `http://127.0.0.1:${server.port}` };
}
