import express from "express";
import type { Registry } from "prom-client";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { ReadReplicas } from "./db/read-replicas.js";
import { corsFor } from "./http/cors.js";
import { createErrorHandler, notFoundHandler } from "./http/error-handlers.js";
import { createHealthRouter, DEFAULT_READINESS_TIMEOUT_MS } from "./http/health.js";
import { landingPage } from "./http/landing.js";
import { createMetrics, type Metrics } from "./http/metrics.js";
import { createRequestContext } from "./http/request-context.js";
import { trackRoutePattern } from "./http/route-pattern.js";
import { httpTracing } from "./http/tracing.js";
import type { Logger } from "./logger.js";

/** Largest JSON request body accepted; bigger bodies get 413. */
export const JSON_BODY_LIMIT = "1mb";

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly logger: Logger;
  /** Streaming replicas serving reads: listed in /readyz, counted in /metrics. */
  readonly replicas?: ReadReplicas | undefined;
}

export interface AppOptions {
  /**
   * Mounts further routes (GraphQL, vendor REST routers, ...) after the built-in ones and before
   * the final 404 and error handlers. Mount routers at static prefixes so metrics keep route patterns.
   */
  readonly mount?: (app: express.Express) => void;
  /**
   * Mounts routes that read their own request bodies (with their own size limits, e.g.
   * POST /ingest) before the shared JSON parser; after request ids, access logs and metrics.
   */
  readonly mountBeforeBodyParser?: (app: express.Express) => void;
  /** Adds further instruments to the app's /metrics registry. */
  readonly registerMetrics?: (registry: Registry) => void;
  /** How long /readyz waits for the database (default 2 s). */
  readonly readinessTimeoutMs?: number;
}

export interface CreatedApp {
  readonly app: express.Express;
  readonly metrics: Metrics;
}

/**
 * Builds the HTTP application without listening: request ids and access logs, Prometheus
 * metrics, JSON bodies up to {@link JSON_BODY_LIMIT}, the landing page `/`, `/healthz`, `/readyz`, `/metrics`, the
 * routes added by `options.mount`, then a JSON 404 and an error handler that masks
 * unexpected errors as 500 INTERNAL_SERVER_ERROR (logging the original).
 */
export function createApp(deps: AppDeps, options: AppOptions = {}): CreatedApp {
  const metrics = createMetrics();
  options.registerMetrics?.(metrics.registry);
  deps.replicas?.registerMetrics(metrics.registry);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.http.trustProxy);

  app.use(trackRoutePattern());
  app.use(createRequestContext(deps.logger));
  app.use(httpTracing());
  app.use(metrics.middleware);
  app.use(corsFor(deps.config.http.corsOrigins));
  options.mountBeforeBodyParser?.(app);
  app.use(express.json({ limit: JSON_BODY_LIMIT }));

  app.use(
    createHealthRouter({
      db: deps.db,
      logger: deps.logger,
      replicas: deps.replicas,
      readinessTimeoutMs: options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
    }),
  );
  app.use(landingPage());
  app.get("/metrics", async (_req, res) => {
    res.set("Content-Type", metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  options.mount?.(app);

  app.use(notFoundHandler());
  app.use(createErrorHandler(deps.logger));
  return { app, metrics };
}
