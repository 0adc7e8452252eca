import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { domainErrorOf } from "../db/store-failure.js";
import { HTTP_STATUS } from "../errors.js";
import { setRetryAfter } from "./rate-limits.js";
import type { Logger } from "../logger.js";
import { pathWithoutQuery } from "./route-pattern.js";
import { requestIdOf } from "./request-context.js";

/** Final handler: any request no route answered gets `404 {"error":"NOT_FOUND","message":"No route GET /x"}`. */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(HTTP_STATUS.NOT_FOUND).json({ error: "NOT_FOUND", message: `No route ${req.method} ${pathWithoutQuery(req)}` });
  };
}

/** A client error raised by express or body-parser (`http-errors` shape) whose message is safe to show. */
function clientError(error: unknown): { status: number; message: string } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, expose, message } = error as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof status !== "number" || status < 400 || status > 499 || expose !== true) return undefined;
  return { status, message: typeof message === "string" ? message : (STATUS_CODES[status] ?? "Bad Request") };
}

function codeFor(status: number): string {
  if (status === HTTP_STATUS.BAD_USER_INPUT) return "BAD_USER_INPUT";
  return (STATUS_CODES[status] ?? "CLIENT_ERROR").toUpperCase().replace(/[^A-Z]+/g, "_");
}

/**
 * Final error handler. Client errors from the HTTP layer (malformed JSON → 400, body too large
 * → 413) are answered with their status, a code and their message; an outage of the store 503
 * UNAVAILABLE with Retry-After. Anything else is logged
 * with its stack and answered `500 {"error":"INTERNAL_SERVER_ERROR","requestId":...}`, never
 * revealing the original message.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const log = req.log ?? logger;
    const requestId = requestIdOf(req);
    const client = clientError(error);
    if (client) {
      log.info({ status: client.status, reason: client.message }, "rejected request");
      if (res.headersSent) return next(error);
      res.status(client.status).json({ error: codeFor(client.status), message: client.message, requestId });
      return;
    }
    const outage = domainErrorOf(error);
    if (outage && !res.headersSent) {
      log.warn({ err: error }, "store unavailable");
      setRetryAfter(res, outage);
      res.status(HTTP_STATUS[outage.code]).json({ error: outage.code, message: outage.message, requestId });
      return;
    }
    log.error({ err: error }, "unhandled error");
    if (res.headersSent) return next(error); // express closes the connection
    res.status(500).json({ error: "INTERNAL_SERVER_ERROR", requestId });
  };
}
