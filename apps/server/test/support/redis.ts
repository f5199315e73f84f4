/** The local Redis (127.0.0.1:6379) for scale-out tests; missing Redis fails under CI=true. */
import { postgresAvailable } from "@journeymap/storage/testing";
import { serviceAvailable } from "@journeymap/testkit";
import { Redis } from "ioredis";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
  });
  try {
    return await serviceAvailable("Redis", REDIS_URL, async () => {
      await client.connect();
      await client.ping();
    });
  } finally {
    client.disconnect();
  }
}

/** Scale-out runs on the PostgreSQL store and Redis: both must be there. */
export async function scaleOutAvailable(): Promise<boolean> {
  return (await postgresAvailable()) && (await redisAvailable());
}

/** A key prefix of this run alone (`tag` and a time and random part): runs at once share Redis. */
export function uniquePrefix(tag: string): string {
  return `${tag}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Deletes every key under a test's prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  client.disconnect();
}
