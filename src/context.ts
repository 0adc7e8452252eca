import type { Logger } from "pino";
import type { JwtSettings } from "./auth/jwt.js";
import { authenticate, bearerToken, type Viewer } from "./auth/viewer.js";
import type { Prisma } from "./db/database.js";
import { domainErrorOf } from "./db/store-failure.js";
import type { ReadReplicas } from "./db/read-replicas.js";
import type { RateLimits } from "./http/rate-limits.js";
import { DEFAULT_INGEST_LIMITS } from "./ingest/ingest.service.js";
import type { IngestLimits } from "./ingest/ingest.schema.js";
import { createLoaders, type Loaders } from "./loaders/index.js";
import type { SourceRuntime } from "./sources/runtime.js";

const asOutage = (error: unknown): never => {
  throw domainErrorOf(error) ?? error;
};

/** Per-request state shared by every resolver and every REST adapter. */
export interface GraphQLContext {
  readonly requestId: string;
  /** null when the request carried no token (only introspection then works). */
  readonly viewer: Viewer | null;
  /** Read through a replica that has caught up with the primary, or through the primary (see {@link readFromPrimary}). */
  readonly loaders: Loaders;
  /** The primary: writes, data-version checks and token bookkeeping. */
  readonly prisma: Prisma;
  /** Where the loaders read. */
  readonly readsFrom: "replica" | "primary";
  /** Moves the loaders to the primary before the request writes, so what it reads afterwards includes its own writes. */
  readFromPrimary(): void;
  readonly jwt: JwtSettings;
  readonly logger: Logger;
  /** Batch limits of the ingestUsage mutation (the same as POST /ingest). */
  readonly ingest: IngestLimits;
  /** Source credentials key and vendor request settings; undefined when the gateway was started without them. */
  readonly sources: SourceRuntime | undefined;
  /** The client's address (sign-in limits), as Express resolved it. */
  readonly clientAddress: string | undefined;
  /** Sign-in limits and token budgets; undefined: none (in-process callers). */
  readonly rateLimits: RateLimits | undefined;
}

export interface ContextDeps {
  readonly prisma: Prisma;
  readonly jwt: JwtSettings;
  readonly logger: Logger;
  readonly ingest?: IngestLimits;
  readonly sources?: SourceRuntime;
  readonly rateLimits?: RateLimits;
  /** Streaming replicas that may serve the request's reads (DATABASE_REPLICA_URLS). */
  readonly replicas?: ReadReplicas | undefined;
}

/** What a context is built from: the request's credentials, id and client address. */
export interface ContextRequest {
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly clientAddress?: string;
}

/**
 * Builds the context of one request: counts the token against its budget (RATE_LIMITED when spent),
 * authenticates it once (a present but invalid token is UNAUTHENTICATED) and creates fresh loaders,
 * on a replica that has caught up with the viewer's data (see {@link ReadReplicas}) or on the primary.
 */
export async function createContext(deps: ContextDeps, request: ContextRequest): Promise<GraphQLContext> {
  const token = bearerToken(request.authorization);
  if (token) await deps.rateLimits?.spend(token);
  // An outage while authenticating is UNAVAILABLE on every surface (each answers it in its own format).
  const viewer = token ? await authenticate(token, deps.prisma, deps.jwt).catch(asOutage) : null;
  const route =
    viewer && deps.replicas ? await deps.replicas.routeFor(viewer.role === "SUPERADMIN" ? null : viewer.organizationId) : undefined;
  const context = {
    requestId: request.requestId,
    viewer,
    loaders: createLoaders(route?.prisma ?? deps.prisma),
    prisma: deps.prisma,
    readsFrom: route?.target ?? "primary",
    readFromPrimary() {
      if (context.readsFrom === "primary") return;
      context.readsFrom = "primary";
      context.loaders = createLoaders(deps.prisma);
    },
    jwt: deps.jwt,
    logger: deps.logger.child({ requestId: request.requestId, userId: viewer?.userId }),
    ingest: deps.ingest ?? DEFAULT_INGEST_LIMITS,
    sources: deps.sources,
    clientAddress: request.clientAddress,
    rateLimits: deps.rateLimits,
  };
  return context;
}
