import { DomainError, HTTP_STATUS } from "../../errors.js";
import { InvalidRequest, type Caller, type VendorReply, type VendorRoute } from "../route.js";
import { invalidParamsMessage, paramSpecOf } from "./params.js";

/**
 * Rocket.Chat error statuses, bodies and headers (docs/vendors/rocketchat.md §2.0.4, §2.2, §2.3, "Request
 * handling"), exact and in the vendor's key order. Answers of Rocket.Chat's middlewares and validators are
 * plain JSON; answers of a route (its success and its failures) also forbid caching.
 */
export const JSON_HEADERS = { "Content-Type": "application/json" } as const;
export const ROUTE_HEADERS = { ...JSON_HEADERS, "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/** A failure answered with exactly this status, body and headers. */
export class RocketChatError extends Error {
  override readonly name = "RocketChatError";
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Readonly<Record<string, string>> = ROUTE_HEADERS,
  ) {
    super(String(body.error ?? body.message));
  }
}

const LOGIN_REQUIRED = "You must be logged in to do this.";
export const UNAUTHORIZED: VendorReply = {
  status: 401,
  body: { success: false, error: LOGIN_REQUIRED, status: "error", message: LOGIN_REQUIRED },
  headers: JSON_HEADERS,
};
const NOT_ALLOWED: VendorReply = { status: 400, body: { success: false, error: "error-not-allowed" }, headers: ROUTE_HEADERS };
const UNAUTHORIZED_ACTION: VendorReply = {
  status: 403,
  body: { success: false, error: "User does not have the permissions required for this action [error-unauthorized]" },
  headers: JSON_HEADERS,
};
export const ENDPOINT_NOT_FOUND: VendorReply = { status: 404, body: { status: "error", message: "API endpoint does not exist" } };
const TOO_MANY_REQUESTS: VendorReply = {
  status: 429,
  body: { success: false, error: "Error, too many requests. Please slow down. [too-many-requests]" },
  headers: ROUTE_HEADERS,
};
const INTERNAL_ERROR: VendorReply = { status: 500, body: { success: false, error: "Internal server error" }, headers: ROUTE_HEADERS };
/** qs refused the query string (more than 1000 parameters, or an array of more than 500 items). */
export const INVALID_QUERY_STRING = new RocketChatError(400, { success: false, error: "Invalid query parameters" }, JSON_HEADERS);
const ENGAGEMENT_PATH = "/api/v1/engagement-dashboard/users/active-users";

/** `statistics` and `statistics.list` need `view-statistics`, the engagement dashboard `view-engagement-dashboard`: ADMIN and SUPERADMIN. */
export function requirePermission(caller: Caller, permission: "view-statistics" | "view-engagement-dashboard"): void {
  const { role } = caller.viewer;
  if (role === "ADMIN" || role === "SUPERADMIN") return;
  const reply = permission === "view-statistics" ? NOT_ALLOWED : UNAUTHORIZED_ACTION;
  throw new RocketChatError(reply.status, reply.body as Record<string, unknown>, reply.headers);
}

/** The error body of an unparsable `sort`, `fields` or `query` (Rocket.Chat parseJsonQuery). */
export function invalidJsonParameter(name: "sort" | "fields" | "query", raw: unknown): RocketChatError {
  const text = typeof raw === "string" ? raw : JSON.stringify(raw);
  return new RocketChatError(400, {
    success: false,
    error: `Invalid ${name} parameter provided: "${text}" [error-invalid-${name}]`,
    errorType: `error-invalid-${name}`,
    details: { helperMethod: "parseJsonQuery" },
  });
}

/** The router's answer to a query its validator refuses, with ajv's message. */
export const invalidParams = (message: string): VendorReply => ({
  status: 400,
  body: { success: false, errorType: "error-invalid-params", error: message },
  headers: JSON_HEADERS,
});

const reply = ({ status, body, headers }: RocketChatError): VendorReply => ({ status, body, headers });

function invalidRequestReply(error: InvalidRequest, route?: VendorRoute<never, never, unknown>): VendorReply {
  const spec = paramSpecOf(route?.query);
  if (spec) {
    // The validator first, then what the route reads: parseJsonQuery takes sort, fields, query in this order.
    const message = invalidParamsMessage(error.raw, spec);
    if (message) return invalidParams(message);
    for (const name of ["sort", "fields", "query"] as const) {
      if (error.issues.some((issue) => issue.path[0] === name)) return reply(invalidJsonParameter(name, error.raw[name]));
    }
    // Only a NUL character in `refresh` is left, which PostgreSQL-backed storage refuses (gateway).
    return invalidParams(error.issues[0]?.message ?? "must be string");
  }
  // Engagement dashboard: the message is Meteor's Match error text.
  return { status: 400, body: { success: false, error: error.issues[0]?.message ?? "Match error" }, headers: ROUTE_HEADERS };
}

/**
 * A DomainError's answer: the documented body of its HTTP_STATUS, else Rocket.Chat's generic
 * failure `{success: false, error: <message>}` with that status (API.v1.failure).
 */
function domainErrorReply(error: DomainError, route?: VendorRoute<never, never, unknown>): VendorReply {
  const status = HTTP_STATUS[error.code];
  switch (status) {
    case 401:
      return UNAUTHORIZED;
    case 403:
      // Rocket.Chat answers a missing view-statistics with 400 error-not-allowed; only the engagement dashboard says 403.
      return route?.path === ENGAGEMENT_PATH ? UNAUTHORIZED_ACTION : NOT_ALLOWED;
    case 404:
      return { ...ENDPOINT_NOT_FOUND, headers: ROUTE_HEADERS };
    case 429:
      return TOO_MANY_REQUESTS;
    default:
      return { status, body: { success: false, error: error.message }, headers: ROUTE_HEADERS };
  }
}

/** Rocket.Chat's status and body for a failed request; only a bug (no RocketChatError, InvalidRequest or DomainError) is a 500. */
export function rocketChatReply(error: unknown, route?: VendorRoute<never, never, unknown>): VendorReply {
  if (error instanceof RocketChatError) return reply(error);
  if (error instanceof InvalidRequest) return invalidRequestReply(error, route);
  if (error instanceof DomainError) return domainErrorReply(error, route);
  return INTERNAL_ERROR;
}
