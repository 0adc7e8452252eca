import express, { type Request, type Response } from "express";
import type { GraphQLSchema } from "graphql";
import type { z } from "zod";
import { requireViewer } from "../auth/access.js";
import type { ContextRequest, GraphQLContext } from "../context.js";
import { domainErrorOf } from "../db/store-failure.js";
import { containsNul } from "../http/request-values.js";
import { retryAfterOf } from "../http/rate-limits.js";
import { requestIdOf } from "../http/request-context.js";
import type { Logger } from "../logger.js";
import { VENDOR_REGISTRY } from "../vendors/registry.js";
import type { OperationCache } from "../graphql/response-cache.js";
import { operationRunner } from "./execute.js";
import { InvalidRequest, type Caller, type VendorAdapter, type VendorReply, type VendorRoute } from "./route.js";

export interface RestDeps {
  readonly schema: GraphQLSchema;
  readonly contextFor: (request: ContextRequest) => Promise<GraphQLContext>;
  readonly logger: Logger;
  /** Check every response body against the route's declared shape (tests); a mismatch is a 500. */
  readonly validateResponses?: boolean;
  /** Results of the stored operations, kept like GraphQL answers; none when absent. */
  readonly cache?: OperationCache | null;
}

type AnyRoute = VendorRoute<never, never, unknown>;
type AnyAdapter = VendorAdapter<unknown>;

function send(res: Response, reply: VendorReply): void {
  const headers = Object.entries(reply.headers ?? {});
  if (headers.some(([name]) => name.toLowerCase() === "content-type")) {
    // Exactly the vendor's headers: res.set and res.json would add "; charset=utf-8" (and an ETag).
    for (const [name, value] of headers) res.setHeader(name, value);
    res.status(reply.status).end(JSON.stringify(reply.body));
    return;
  }
  if (reply.headers) res.set(reply.headers);
  res.status(reply.status).json(reply.body);
}

/** A rate-limited request's answer, or an outage's, carries Retry-After, whatever the vendor's body. */
function withRetryAfter(reply: VendorReply, error: unknown): VendorReply {
  const seconds = retryAfterOf(error);
  return seconds === undefined ? reply : { ...reply, headers: { ...reply.headers, "Retry-After": String(seconds) } };
}

function parse<T>(schema: z.ZodType<T> | undefined, value: Record<string, unknown>, part: "params" | "query"): T {
  if (!schema) return {} as T;
  const nul = Object.keys(value).find((key) => containsNul(value[key]));
  if (nul !== undefined)
    throw new InvalidRequest(part, [{ code: "custom", path: [nul], message: "must not contain NUL characters", input: value[nul] }], value);
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRequest(part, result.error.issues, value);
  return result.data;
}

/**
 * Mounts the vendors' routes: for each route, authenticate → params → authorize → query →
 * handle (stored GraphQL operations over the request's own context) → response; any failure is
 * answered with the vendor's status and body (unexpected ones are logged and masked). Documented
 * paths answer other methods with 405 and `Allow`; undocumented URLs under a vendor's prefix get
 * that vendor's 404. Routing is strict and case-sensitive: a missing trailing slash is another URL.
 */
export function mountVendorRoutes(app: express.Express, adapters: readonly AnyAdapter[], deps: RestDeps): void {
  const createCaller = async (req: Request, authorization: string | undefined): Promise<Caller<undefined>> => {
    const context = await deps.contextFor({ authorization, requestId: requestIdOf(req), clientAddress: req.ip });
    return { viewer: requireViewer(context.viewer), run: operationRunner(deps.schema, context, deps.cache), extra: undefined };
  };
  const fail = (req: Request, res: Response, adapter: AnyAdapter, thrown: unknown, route?: AnyRoute) => {
    const error = domainErrorOf(thrown) ?? thrown;
    const reply = withRetryAfter(adapter.reply(error, route), error);
    const log = (req.log ?? deps.logger).child({ vendor: VENDOR_REGISTRY[adapter.vendor].slug });
    if (reply.status >= 500) log[reply.status === 503 ? "warn" : "error"]({ err: thrown }, "vendor route failed");
    else log.info({ status: reply.status, reason: (error as Error).message }, "vendor request refused");
    send(res, reply);
  };

  for (const adapter of adapters) {
    const router = express.Router({ strict: true, caseSensitive: true });
    const methodsByPath = new Map<string, string[]>();
    for (const route of adapter.routes as readonly AnyRoute[]) {
      methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
      const handler = async (req: Request, res: Response) => {
        try {
          const caller = await adapter.authenticate(req, (authorization) => createCaller(req, authorization));
          const params = parse(route.params, req.params as Record<string, unknown>, "params");
          await route.authorize?.(caller, params, req.query);
          const rawQuery = adapter.parseQuery ? adapter.parseQuery(req) : (req.query as Record<string, unknown>);
          const query = parse(route.query, rawQuery, "query");
          const body = await route.handle({ params, query, caller });
          if (deps.validateResponses) {
            const check = route.response.safeParse(body);
            if (!check.success) throw new Error(`response of ${route.method} ${route.path} breaks its contract: ${check.error.message}`);
          }
          if (adapter.successHeaders) send(res, { status: 200, body, headers: adapter.successHeaders });
          else res.status(200).json(body);
        } catch (error) {
          fail(req, res, adapter, error, route);
        }
      };
      if (route.method === "GET") router.get(route.path, handler);
      else router.post(route.path, handler);
    }
    adapter.mountExtra?.(router, async (req) =>
      operationRunner(deps.schema, await deps.contextFor({ authorization: undefined, requestId: requestIdOf(req), clientAddress: req.ip })),
    );
    for (const [path, methods] of methodsByPath) {
      const allow = methods.join(", ");
      router.all(path, (_req, res) => send(res, { ...adapter.methodNotAllowed(allow), headers: { Allow: allow } }));
    }
    // A path segment that is not valid percent-encoding cannot be a documented URL.
    router.use((error: unknown, req: Request, res: Response, next: (error?: unknown) => void) => {
      if (!(error instanceof URIError) && (error as { status?: number } | null)?.status !== 400) return next(error);
      send(res, adapter.notFound(req));
    });
    app.use(router);
  }

  app.use((req, res, next) => {
    const owner = adapters.find((adapter) => adapter.claimsUnknown(req));
    if (!owner) return next();
    send(res, owner.notFound(req));
  });
}
