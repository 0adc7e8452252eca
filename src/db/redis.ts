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
