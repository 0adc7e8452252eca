import type { Config } from "../config.js";
import { resolveCredentialsKey } from "./credentials.js";
import type { HttpClientOptions } from "./http-client.js";

/** What the gateway needs to store source credentials and run syncs (from configuration). */
export interface SourceRuntime {
  /** The credentials key (SOURCE_CREDENTIALS_KEY, or the one kept in DATA_DIR outside production). */
  readonly credentialsKey: () => Promise<Buffer>;
  readonly http: Omit<HttpClientOptions, "baseUrl" | "headers">;
  /** The clock deciding which days are complete (tests pin it). */
  readonly now?: () => Date;
}

/** The runtime of a configured gateway; the key is resolved on first use (production without a key fails then, with a clear message). */
export function sourceRuntime(config: Config): SourceRuntime {
  let key: Promise<Buffer> | undefined;
  return {
    credentialsKey: () => {
      key ??= resolveCredentialsKey(config).catch((error: unknown) => {
        key = undefined;
        throw error;
      });
      return key;
    },
    http: {
      timeoutMs: config.sources.timeoutMs,
      maxAttempts: config.sources.maxAttempts,
      concurrency: config.sources.concurrency,
      addressPolicy: { enforce: config.env === "production", allowedHosts: config.sources.allowedHosts },
    },
  };
}
