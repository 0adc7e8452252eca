import express, { type Request, type Response } from "express";
import type { GraphQLSchema } from "graphql";
import { z } from "zod";
import { requireViewer } from "../auth/access.js";
import type { ContextRequest, GraphQLContext } from "../context.js";
import { domainErrorOf } from "../db/store-failure.js";
import { containsNul } from "../http/request-values.js";
import { setRetryAfter } from "../http/rate-limits.js";
import { requestIdOf } from "../http/request-context.js";
import type { Logger } from "../logger.js";
import { assertOperationsValid, operationRunner } from "../rest/execute.js";
import * as operations from "./__generated__/operations.js";
import { errorReply, InvalidParameters, invalidParameters } from "./errors.js";
import { EXPORT_ROUTES, type ExportRoute } from "./routes.js";
import { sendBody } from "./stream.js";

export interface ExportDeps {
  readonly schema: GraphQLSchema;
  readonly contextFor: (request: ContextRequest) => Promise<GraphQLContext>;
  readonly logger: Logger;
}

function parseQuery<Q>(route: ExportRoute<Q>, raw: Record<string, unknown>): Q {
  const repeated = Object.keys(raw).filter((key) => typeof raw[key] !== "string");
  const nul = Object.keys(raw).filter((key) => containsNul(raw[key]));
  if (repeated.length + nul.length > 0) {
    throw new InvalidParameters([
      ...repeated.map((parameter) => ({ parameter, message: "must be given once" })),
      ...nul.map((parameter) => ({ parameter, message: "must not contain NUL characters" })),
    ]);
  }
  const result = route.query.safeParse(raw);
  if (result.success) return result.data;
  // zod 4 keeps refinements inside the object schema, so every export's query is a ZodObject.
  throw invalidParameters(result.error.issues, route.query instanceof z.ZodObject ? Object.keys(route.query.shape) : []);
}

/**
 * Mounts every export: authenticate exactly as /graphql (Bearer JWT or API token, rate limits) →
 * validate the parameters → read the first page through stored GraphQL operations → send the
 * headers and stream the rest with backpressure. A failure before the first byte is a JSON error
 * with its HTTP status; after it, the response is ended abruptly (the client sees a truncated
 * body, never a complete-looking file) and the error is logged.
 */
export function mountExports(app: express.Express, deps: ExportDeps): void {
  assertOperationsValid(deps.schema, operations, "export");
  const router = express.Router({ strict: true, caseSensitive: true });
  for (const route of EXPORT_ROUTES) {
    router.get(route.path, async (req: Request, res: Response) => {
      const requestId = requestIdOf(req);
      const log = (req.log ?? deps.logger).child({ export: route.path });
      try {
        const context = await deps.contextFor({ authorization: req.headers.authorization, requestId, clientAddress: req.ip });
        requireViewer(context.viewer);
        const query = parseQuery(route, req.query as Record<string, unknown>);
        const file = await route.open(operationRunner(deps.schema, context), query);
        res.status(200);
        res.setHeader("Content-Type", route.contentType);
        res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (req.method === "HEAD") return void res.end();
        await sendBody(res, file.body, log);
      } catch (error) {
        res.removeHeader("Content-Disposition");
        const reply = errorReply(error, requestId);
        if (reply.status >= 500) log.error({ err: error }, "export failed");
        else log.info({ status: reply.status, reason: (error as Error).message }, "export refused");
        setRetryAfter(res, domainErrorOf(error) ?? error);
        res.status(reply.status).json(reply.body);
      }
    });
  }
  app.use(router);
}
