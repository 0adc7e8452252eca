import type { Logger } from "pino";
import type { JwtSettings } from "./auth/jwt.js";
import { authenticate, bearerToken, type Viewer } from "./auth/viewer.js";
import type { Prisma } from "./db/database.js";
import type { RateLimits } from "./http/rate-limits.js";
import { DEFAULT_INGEST_LIMITS } from "./ingest/ingest.service.js";
import type { IngestLimits } from "./ingest/ingest.schema.js";
import { createLoaders, type Loaders } from "./loaders/index.js";
import type { SourceRuntime } from "./sources/runtime.js";

/** Per-request state shared by every resolver and every REST adapter. */
export interface GraphQLContext {
  readonly requestId: string;
  /** null when the request carried no token (only introspection then works). */
  readonly viewer: Viewer | null;
  readonly loaders: Loaders;
  readonly prisma: Prisma;
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
}

/** What a context is built from: the request's credentials, id and client address. */
export interface ContextRequest {
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly clientAddress?: string;
}

/**
 * Builds the context of one request: counts the token against its budget (RATE_LIMITED when spent),
 * authenticates it once (a present but invalid token is UNAUTHENTICATED) and creates fresh loaders.
 */
export async function createContext(deps: ContextDeps, request: ContextRequest): Promise<GraphQLContext> {
  const token = bearerToken(request.authorization);
  if (token) await deps.rateLimits?.spend(token);
  const viewer = token ? await authenticate(token, deps.prisma, deps.jwt) : null;
  return {
    requestId: request.requestId,
    viewer,
    loaders: createLoaders(deps.prisma),
    prisma: deps.prisma,
    jwt: deps.jwt,
    logger: deps.logger.child({ requestId: request.requestId, userId: viewer?.userId }),
    ingest: deps.ingest ?? DEFAULT_INGEST_LIMITS,
    sources: deps.sources,
    clientAddress: request.clientAddress,
    rateLimits: deps.rateLimits,
  };
}
