import { DomainError, HTTP_STATUS } from "../../errors.js";
import { InvalidRequest, type Caller, type VendorReply, type VendorRoute } from "../route.js";

/** Rocket.Chat error statuses and bodies (docs/vendors/rocketchat.md §2.0.4, §2.2, §2.3), exact and in the documented key order. */

/** A failure answered with exactly this status and body. */
export class RocketChatError extends Error {
  override readonly name = "RocketChatError";
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error ?? body.message));
  }
}

export const UNAUTHORIZED: VendorReply = { status: 401, body: { status: "error", message: "You must be logged in to do this." } };
const NOT_ALLOWED: VendorReply = { status: 400, body: { success: false, error: "error-not-allowed" } };
const UNAUTHORIZED_ACTION: VendorReply = {
  status: 403,
  body: { success: false, error: "User does not have the permissions required for this action [error-unauthorized]" },
};
export const ENDPOINT_NOT_FOUND: VendorReply = { status: 404, body: { status: "error", message: "API endpoint does not exist" } };
const TOO_MANY_REQUESTS: VendorReply = {
  status: 429,
  body: { success: false, error: "Error, too many requests. Please slow down. [too-many-requests]" },
};
const INTERNAL_ERROR: VendorReply = { status: 500, body: { success: false, error: "Internal server error" } };
const ENGAGEMENT_PATH = "/api/v1/engagement-dashboard/users/active-users";

/** `statistics` and `statistics.list` need `view-statistics`, the engagement dashboard `view-engagement-dashboard`: ADMIN and SUPERADMIN. */
export function requirePermission(caller: Caller, permission: "view-statistics" | "view-engagement-dashboard"): void {
  const { role } = caller.viewer;
  if (role === "ADMIN" || role === "SUPERADMIN") return;
  const reply = permission === "view-statistics" ? NOT_ALLOWED : UNAUTHORIZED_ACTION;
  throw new RocketChatError(reply.status, reply.body as Record<string, unknown>);
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

export const invalidParams = (name: string) =>
  new RocketChatError(400, {
    success: false,
    error: `${name} must be a non-negative integer [invalid-params]`,
    errorType: "invalid-params",
  });

function invalidRequestReply(error: InvalidRequest): VendorReply {
  const issue = error.issues[0];
  const name = String(issue?.path[0] ?? "");
  if (name === "sort" || name === "fields" || name === "query") {
    const { status, body } = invalidJsonParameter(name, error.raw[name]);
    return { status, body };
  }
  if (name === "offset" || name === "count") return { status: 400, body: invalidParams(name).body };
  // Engagement dashboard: the message is Meteor's Match error text.
  return { status: 400, body: { success: false, error: issue?.message ?? "Match error" } };
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
      return ENDPOINT_NOT_FOUND;
    case 429:
      return TOO_MANY_REQUESTS;
    default:
      return { status, body: { success: false, error: error.message } };
  }
}

/** Rocket.Chat's status and body for a failed request; only a bug (no RocketChatError, InvalidRequest or DomainError) is a 500. */
export function rocketChatReply(error: unknown, route?: VendorRoute<never, never, unknown>): VendorReply {
  if (error instanceof RocketChatError) return { status: error.status, body: error.body };
  if (error instanceof InvalidRequest) return invalidRequestReply(error);
  if (error instanceof DomainError) return domainErrorReply(error, route);
  return INTERNAL_ERROR;
}
