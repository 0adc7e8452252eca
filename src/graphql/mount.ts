import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import type express from "express";
import { GraphQLError, type GraphQLSchema } from "graphql";
import type { JwtSettings } from "../auth/jwt.js";
import { createContext, type ContextRequest, type GraphQLContext } from "../context.js";
import type { Database } from "../db/database.js";
import type { ReadReplicas } from "../db/read-replicas.js";
import { DomainError, HTTP_STATUS } from "../errors.js";
import type { IngestLimits } from "../ingest/ingest.schema.js";
import { retryAfterOf, type RateLimits } from "../http/rate-limits.js";
import { requestIdOf } from "../http/request-context.js";
import { MAX_VALUE_NESTING, nestedDeeperThan } from "../http/request-values.js";
import type { Logger } from "../logger.js";
import type { SourceRuntime } from "../sources/runtime.js";
import { createApolloServer, type GraphQLSettings } from "./apollo.js";
import { GRAPHIQL_ASSET_PREFIX, graphiqlAssets, graphiqlHtml, wantsGraphiql } from "./graphiql.js";

export interface GraphQLDeps {
  /** The gateway schema (built once per process by the composition root). */
  readonly schema: GraphQLSchema;
  readonly db: Database;
  readonly jwt: JwtSettings;
  readonly logger: Logger;
  readonly limits: GraphQLSettings;
  /** Batch limits of the ingestUsage mutation (default: DEFAULT_INGEST_LIMITS). */
  readonly ingest?: IngestLimits;
  /** Source credentials and sync settings (registerSource credentials, syncSource). */
  readonly sources?: SourceRuntime;
  /** Token budgets and sign-in limits (none when absent). */
  readonly rateLimits?: RateLimits;
  /** Streaming replicas for reads (none: the primary serves them). */
  readonly replicas?: ReadReplicas | undefined;
}

export interface GraphQLEndpoint {
  readonly schema: GraphQLSchema;
  readonly server: ApolloServer<GraphQLContext>;
  /** Builds the context of a request exactly as /graphql does (for in-process callers). */
  readonly contextFor: (request: ContextRequest) => Promise<GraphQLContext>;
  /** Adds GraphiQL and /graphql to an app (pass to createApp's `mount`). */
  readonly mount: (app: express.Express) => void;
  stop(): Promise<void>;
}

/** The request's variables and extensions (JSON body, or the GET parameters Apollo parses). */
function requestValues(req: express.Request): unknown[] {
  if (req.method !== "GET") {
    const body = req.body as { variables?: unknown; extensions?: unknown } | undefined;
    return [body?.variables, body?.extensions];
  }
  return [req.query.variables, req.query.extensions].map((text) => {
    if (typeof text !== "string") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined; // Apollo answers unparsable parameters itself
    }
  });
}

// Variables nested past MAX_VALUE_NESTING would exhaust the stack of recursive code (scalars,
// serializers) behind Apollo: refused up front as the GraphQL-over-HTTP error they are.
const refuseDeepValues: express.RequestHandler = (req, res, next) => {
  if (!requestValues(req).some((value) => nestedDeeperThan(value))) return next();
  res.status(400).json({
    errors: [
      { message: `variables and extensions may nest at most ${MAX_VALUE_NESTING} levels deep`, extensions: { code: "BAD_USER_INPUT" } },
    ],
  });
};

/** The HTTP status (and Retry-After) of a request refused before execution. */
function httpOf(error: DomainError): { status: number; headers?: Map<string, string> } {
  const retryAfter = retryAfterOf(error);
  return { status: HTTP_STATUS[error.code], ...(retryAfter ? { headers: new Map([["retry-after", String(retryAfter)]]) } : {}) };
}

/** Starts Apollo Server on the gateway schema. */
export async function createGraphQLEndpoint(deps: GraphQLDeps): Promise<GraphQLEndpoint> {
  const { schema } = deps;
  const server = createApolloServer(schema, deps.limits, deps.logger);
  await server.start();
  const contextFor = (request: ContextRequest) =>
    createContext(
      {
        prisma: deps.db.prisma,
        jwt: deps.jwt,
        logger: deps.logger,
        ingest: deps.ingest,
        sources: deps.sources,
        rateLimits: deps.rateLimits,
        replicas: deps.replicas,
      },
      request,
    );
  return {
    schema,
    server,
    contextFor,
    mount(app) {
      app.use(GRAPHIQL_ASSET_PREFIX, graphiqlAssets());
      app.get("/graphql", (req, res, next) => (wantsGraphiql(req) ? res.type("html").send(graphiqlHtml()) : next()));
      // A route (not a middleware), so /metrics labels these requests route="/graphql".
      app.all(
        "/graphql",
        refuseDeepValues,
        expressMiddleware(server, {
          context: async ({ req }) => {
            try {
              return await contextFor({ authorization: req.headers.authorization, requestId: requestIdOf(req), clientAddress: req.ip });
            } catch (error) {
              // Refused before execution (bad token, rate limit, disabled organization, outage): its own status.
              if (error instanceof DomainError) {
                throw new GraphQLError(error.message, { extensions: { ...error.details, code: error.code, http: httpOf(error) } });
              }
              throw error;
            }
          },
        }),
      );
    },
    stop: () => server.stop(),
  };
}
