import type { GraphQLSchema } from "graphql";
import { resolveJwtSettings } from "./auth/jwt-secret.js";
import type { JwtSettings } from "./auth/jwt.js";
import type { Config } from "./config.js";
import type { ContextRequest, GraphQLContext } from "./context.js";
import type { Database } from "./db/database.js";
import { createGraphQLEndpoint } from "./graphql/mount.js";
import { createIngestRouter } from "./ingest/ingest.route.js";
import type { Logger } from "./logger.js";
import { buildGraphQLSchema } from "./schema.js";
import { traceResolvers } from "./graphql/tracing.js";
import { RateLimits } from "./http/rate-limits.js";
import { startTracing } from "./http/tracing.js";
import { mountRestSurface } from "./rest/index.js";
import { claimGeneratedSecrets } from "./db/generated-secrets-guard.js";
import { readReplicasFor } from "./db/read-replicas.js";
import { connectSharedState, type SharedState } from "./db/redis.js";
import { exportOpenApi } from "./export/openapi.js";
import { mountExports } from "./export/mount.js";
import { mountConsole } from "./console/mount.js";
import { AnswerCacheSizes } from "./graphql/text-cache.js";
import { startServer } from "./server.js";
import { sourceRuntime, type SourceRuntime } from "./sources/runtime.js";
import { GATEWAY_VERSION } from "./version.js";

/** What a gateway process is built from. Everything else is derived from the config. */
export interface GatewayDeps {
  readonly config: Config;
  /** The open store; the gateway never closes it (its owner does, after {@link Gateway.close}). */
  readonly db: Database;
  readonly logger: Logger;
  /** Default: JWT_SECRET, or the secret kept in DATA_DIR outside production. */
  readonly jwt?: JwtSettings;
  /** Default: the configured credentials key and vendor request settings. */
  readonly sources?: SourceRuntime;
  /** Redis shared with other instances (default: connected from REDIS_URL, or none). */
  readonly shared?: SharedState;
  /** Checks every vendor REST answer against its declared shape (tests). */
  readonly validateResponses?: boolean;
}

/** A listening gateway: GraphQL and GraphiQL, the console, the vendor REST routes and their docs, the exports, POST /ingest, health and metrics. */
export interface Gateway {
  /** Where it answers, e.g. `http://127.0.0.1:4000` (the real port when PORT=0). */
  readonly url: string;
  readonly schema: GraphQLSchema;
  readonly jwt: JwtSettings;
  /** Builds the context of a request exactly as /graphql does (for in-process callers). */
  readonly contextFor: (request: ContextRequest) => Promise<GraphQLContext>;
  /** Stops accepting requests, lets in-flight ones finish, then stops GraphQL. The store stays open. */
  close(): Promise<void>;
}

/** Which database this gateway serves (host, port and name, never credentials), for Redis key prefixes. */
function databaseIdentity(config: Config): string {
  if (!config.database.url) return `pglite:${config.database.dataDir}`;
  const url = new URL(config.database.url);
  return `postgres:${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/** The composition root: builds the whole gateway from a config and a store and listens on `config.http`. */
export async function startGateway(deps: GatewayDeps): Promise<Gateway> {
  const { config, db, logger } = deps;
  // What was started, to stop in reverse order on close or when a later step fails.
  const started: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of started.reverse())
      await stop().catch((error: unknown) => logger.warn({ err: error }, "stopping a gateway part failed"));
  };
  try {
    const generated = [
      ...(deps.jwt === undefined && config.auth.jwtSecret === undefined ? ["JWT_SECRET"] : []),
      ...(deps.sources === undefined && config.sources.credentialsKey === undefined ? ["SOURCE_CREDENTIALS_KEY"] : []),
    ];
    if (config.database.url && generated.length > 0) started.push(await claimGeneratedSecrets(config.database.url, generated, logger));
    const jwt = deps.jwt ?? (await resolveJwtSettings(config));
    const shared = deps.shared ?? (await connectSharedState(config.redisUrl, databaseIdentity(config), logger));
    if (!deps.shared) started.push(() => shared.close());
    const rateLimits = new RateLimits(config.rateLimits, shared.redis, shared.namespace);
    const replicas = readReplicasFor(config, db.prisma, logger);
    if (replicas) started.push(() => replicas.close());
    const cacheSizes = new AnswerCacheSizes();
    const responseCache = { ...config.graphql.responseCache, redis: shared.redis, namespace: shared.namespace, sizes: cacheSizes };
    const schema = await buildGraphQLSchema();
    if (config.telemetry.endpoint) {
      const tracing = startTracing(config.telemetry.endpoint, config.telemetry.serviceName);
      started.push(() => tracing.shutdown());
      traceResolvers(schema);
    }
    const graphql = await createGraphQLEndpoint({
      schema,
      db,
      jwt,
      logger,
      limits: { ...config.graphql, responseCache },
      ingest: config.ingest,
      sources: deps.sources ?? sourceRuntime(config),
      rateLimits,
      replicas,
    });
    started.push(() => graphql.stop());
    const ingest = createIngestRouter({ prisma: db.prisma, jwt, limits: config.ingest, rateLimits });
    const server = await startServer({
      config,
      db,
      logger,
      replicas,
      mountBeforeBodyParser: (app) => app.use(ingest),
      registerMetrics: (registry) => cacheSizes.register(registry),
      mount: (app) => {
        graphql.mount(app);
        mountExports(app, { schema, contextFor: graphql.contextFor, logger });
        mountConsole(app);
        mountRestSurface(app, {
          schema,
          contextFor: graphql.contextFor,
          logger,
          version: GATEWAY_VERSION,
          validateResponses: deps.validateResponses,
          responseCache,
          openApi: [exportOpenApi()],
        });
      },
    });
    started.push(() => server.close());
    let closing: Promise<void> | undefined;
    return { url: server.url, schema, jwt, contextFor: graphql.contextFor, close: () => (closing ??= stopAll()) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
