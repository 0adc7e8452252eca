import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import type { JwtSettings } from "../auth/jwt.js";
import { authenticate, bearerToken, type Viewer } from "../auth/viewer.js";
import type { Prisma } from "../db/database.js";
import { domainErrorOf } from "../db/store-failure.js";
import { HTTP_STATUS, unauthenticated, type DomainError } from "../errors.js";
import { setRetryAfter, type RateLimits } from "../http/rate-limits.js";
import { requestIdOf } from "../http/request-context.js";
import { ingestBatch, invalidBatch } from "./ingest.service.js";
import type { IngestProblem } from "./ingest.schema.js";

export interface IngestRouteDeps {
  readonly prisma: Prisma;
  readonly jwt: JwtSettings;
  readonly limits: { readonly maxEvents: number; readonly maxBodyBytes: number };
  /** Token budgets, shared with GraphQL and the vendor routes (none when absent). */
  readonly rateLimits?: RateLimits;
}

export const INGEST_PATH = "/ingest";
const JSON_TYPES = ["application/json", "application/*+json"];
const NDJSON_TYPES = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];

function sendDomainError(req: Request, res: Response, error: DomainError): void {
  if (error.code === "UNAUTHENTICATED") res.set("WWW-Authenticate", 'Bearer realm="usage-gateway"');
  setRetryAfter(res, error);
  res.status(HTTP_STATUS[error.code]).json({ error: error.code, message: error.message, ...error.details, requestId: requestIdOf(req) });
}

/** NDJSON: one event per non-empty line. Lines that are not JSON are reported all at once. */
export function ndjsonEvents(text: string): unknown[] {
  const events: unknown[] = [];
  const problems: IngestProblem[] = [];
  text.split("\n").forEach((line, number) => {
    if (line.trim() === "") return;
    try {
      events.push(JSON.parse(line));
    } catch (error) {
      problems.push({
        list: "events",
        index: events.length,
        field: "",
        reason: `line ${number + 1} is not JSON: ${(error as Error).message}`,
      });
      events.push(null);
    }
  });
  if (problems.length > 0) throw invalidBatch(problems);
  return events;
}

/**
 * `POST /ingest`: `Authorization: Bearer <token>` (checked before the body is read), then a
 * body of `application/json` (`{ events, organizations?, teams?, users?, devices? }`) or `application/x-ndjson`
 * (one event per line) up to `limits.maxBodyBytes` (413 beyond). Answers 200 with
 * `{ received, inserted, duplicates }`, or `{ error, message, problems?, requestId }` with
 * 400/401/403/415. Mount it before the app's shared 1 MB JSON parser.
 */
export function createIngestRouter(deps: IngestRouteDeps): express.Router {
  const router = express.Router();
  const limit = deps.limits.maxBodyBytes;

  const authenticateRequest: RequestHandler = async (req, res, next) => {
    try {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw unauthenticated();
      await deps.rateLimits?.spend(token);
      res.locals.viewer = await authenticate(token, deps.prisma, deps.jwt);
      next();
    } catch (error) {
      const domain = domainErrorOf(error);
      if (domain) sendDomainError(req, res, domain);
      else next(error);
    }
  };

  const tooLarge: ErrorRequestHandler = (error, req, res, next) => {
    if ((error as { type?: string }).type !== "entity.too.large") return next(error);
    res.status(413).json({
      error: "PAYLOAD_TOO_LARGE",
      message: `the body exceeds ${limit} bytes (INGEST_MAX_BODY_BYTES); split the batch`,
      requestId: requestIdOf(req),
    });
  };

  const ingest: RequestHandler = async (req, res, next) => {
    try {
      let body: unknown = req.body;
      if (req.is(NDJSON_TYPES)) body = { events: ndjsonEvents(String(req.body ?? "")) };
      else if (req.headers["content-type"] !== undefined && !req.is(JSON_TYPES)) {
        res
          .status(415)
          .json({ error: "UNSUPPORTED_MEDIA_TYPE", message: "send application/json or application/x-ndjson", requestId: requestIdOf(req) });
        return;
      }
      res.json(await ingestBatch(deps.prisma, res.locals.viewer as Viewer, body, deps.limits));
    } catch (error) {
      const domain = domainErrorOf(error);
      if (domain) sendDomainError(req, res, domain);
      else next(error);
    }
  };

  router.post(
    INGEST_PATH,
    authenticateRequest,
    express.json({ limit, type: JSON_TYPES }),
    express.text({ limit, type: NDJSON_TYPES }),
    ingest,
    tooLarge,
  );
  return router;
}
