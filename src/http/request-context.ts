import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "../logger.js";
import { pathWithoutQuery, routePatternOf } from "./route-pattern.js";

export const REQUEST_ID_HEADER = "X-Request-Id";
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The request id to use: the incoming `X-Request-Id` when it is a single value of 1–128
 * characters from `[A-Za-z0-9._-]` (safe to log and echo), otherwise a fresh UUID.
 */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The id assigned to this request by {@link createRequestContext}. */
export function requestIdOf(req: IncomingMessage): string {
  // pino-http assigns the id from requestIdFor: always a string.
  return req.id as string;
}

function accessLogFields(req: IncomingMessage, res: ServerResponse, durationMs: number): Record<string, unknown> {
  const request = req as Request;
  return {
    method: request.method,
    path: pathWithoutQuery(request),
    route: routePatternOf(request),
    status: res.statusCode,
    durationMs,
    ...(res.writableFinished ? {} : { aborted: true }),
  };
}

/**
 * Middleware that gives each request an id (see {@link requestIdFor}), echoes it in the
 * `X-Request-Id` response header, attaches `req.log` (a child logger bound to `requestId`) and
 * writes one JSON line per request when it completes: method, path (query string left out),
 * matched route, status, duration in ms and request id. 5xx responses log at level "error".
 */
export function createRequestContext(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    genReqId: (req, res) => {
      const id = requestIdFor(req.headers["x-request-id"]);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    customSuccessObject: (req, res, value: { responseTime: number }) => accessLogFields(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) => accessLogFields(req, res, value.responseTime),
    customSuccessMessage: (_req, res) => (res.writableFinished ? "request completed" : "request aborted"),
    customErrorMessage: () => "request failed",
  }) as RequestHandler;
}
