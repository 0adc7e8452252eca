import cors from "cors";
import type { RequestHandler } from "express";

/** Request headers a browser dashboard may send: the gateway's and each vendor's auth headers. */
const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "Accept",
  "X-User-Id",
  "X-Auth-Token",
  "X-Request-Id",
  "Apollo-Require-Preflight",
];
/** Response headers such a page may read. */
const EXPOSED_HEADERS = ["X-Request-Id", "Retry-After", "Content-Disposition"];

/** The paths browser pages on other origins may call: GraphQL, the vendor REST routes, exports, ingest. */
export const CORS_PATHS = ["/graphql", "/api/", "/v1/", "/v2/", "/export/", "/ingest", "/openapi.json"];

/**
 * CORS for the origins in CORS_ORIGINS (none when unset): their preflights get 204 with the allowed
 * methods and headers, their requests the Access-Control-Allow-Origin header. Requests from every
 * other origin get no CORS headers, so browsers keep them out; Apollo's CSRF prevention still refuses
 * simple cross-origin POSTs to /graphql. Credentials are tokens in headers, never cookies, across origins.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    if (!CORS_PATHS.some((prefix) => req.path === prefix || req.path.startsWith(prefix))) return next();
    return handler(req, res, (error?: unknown) => {
      if (error) return next(error);
      // A preflight from an origin not listed ends here too: 204 without CORS headers, which the browser refuses.
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) return void res.status(204).end();
      next();
    });
  };
}
