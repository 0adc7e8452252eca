import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { redactUrl } from "../config.js";
import type { Logger } from "../logger.js";

/** What gateway instances share beyond the database: Redis (REDIS_URL), or nothing. */
export interface SharedState {
  readonly redis: Redis | undefined;
  /**
   * The prefix of this deployment's Redis keys: `ug:` and a hash of the database's host, port and
   * name (or the embedded store's directory), so that deployments sharing one Redis (production and
   * a staging built from the same seed) never see each other's answers or counters.
   */
  readonly namespace: string;
  close(): Promise<void>;
}

/**
 * Connects to REDIS_URL when it is set. Start-up fails with one line when Redis cannot be reached;
 * later outages are logged once per outage while callers fall back (rate limits count in memory).
 */
export async function connectSharedState(redisUrl: string | undefined, database: string, logger: Logger): Promise<SharedState> {
  const namespace = `ug:${createHash("sha256").update(database).digest("hex").slice(0, 12)}`;
  if (!redisUrl) return { redis: undefined, namespace, close: async () => undefined };
  // A stalled Redis must not stall requests: a command that takes longer is a failure (a cache miss,
  // counting in memory).
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    commandTimeout: 500,
  });
  let down = false;
  redis.on("error", (error: Error) => {
    if (!down)
      logger.warn({ redis: redactUrl(redisUrl), reason: (error as NodeJS.ErrnoException).code ?? error.message }, "Redis unavailable");
    down = true;
  });
  redis.on("ready", () => (down = false));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`cannot reach Redis at ${redactUrl(redisUrl)} (REDIS_URL): ${reason}`, { cause: error });
  }
  return {
    redis,
    namespace,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * A text cache in Redis under `prefix`, shared by every instance (the answer caches). Each entry
 * expires after its TTL. Redis failures are misses and dropped writes: an answer is then computed,
 * never refused.
 */
export function redisTextCache(redis: Redis, prefix: string): KeyValueCache<string> {
  return {
    async get(key) {
      return (await redis.get(prefix + key).catch(() => null)) ?? undefined;
    },
    async set(key, value, options) {
      const ttl = Math.max(1, Math.ceil(options?.ttl ?? 60));
      await redis.set(prefix + key, value, "EX", ttl).catch(() => undefined);
    },
    async delete(key) {
      return (await redis.del(prefix + key).catch(() => 0)) > 0;
    },
  };
}
