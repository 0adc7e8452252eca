import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { Redis } from "ioredis";
import { redactUrl } from "../config.js";
import type { Logger } from "../logger.js";

/** What gateway instances share beyond the database: Redis (REDIS_URL), or nothing. */
export interface SharedState {
  readonly redis: Redis | undefined;
  close(): Promise<void>;
}

const NOTHING_SHARED: SharedState = { redis: undefined, close: async () => undefined };

/**
 * Connects to REDIS_URL when it is set. Start-up fails with one line when Redis cannot be reached;
 * later outages are logged once per outage while callers fall back (rate limits count in memory).
 */
export async function connectSharedState(redisUrl: string | undefined, logger: Logger): Promise<SharedState> {
  if (!redisUrl) return NOTHING_SHARED;
  const redis = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
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
