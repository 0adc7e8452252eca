/** The error codes every surface maps: GraphQL `extensions.code`, vendor REST statuses. */
export type DomainErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_USER_INPUT" | "RATE_LIMITED" | "UNAVAILABLE";

/**
 * The HTTP status of each DomainErrorCode, on every surface: /ingest, the GraphQL HTTP layer and
 * the vendor REST adapters (each answers that status with its own documented body, or its generic
 * one). A new code needs only its row here.
 */
export const HTTP_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  RATE_LIMITED: 429,
  /** The store is unreachable or did not answer in time (with Retry-After): an outage, not a bug. */
  UNAVAILABLE: 503,
};

/**
 * An expected failure with a message safe to show to the caller. Services throw only this;
 * anything else is a bug and is masked as INTERNAL_SERVER_ERROR at the edge.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /**
     * NOT_FOUND only: the object exists, in another organization. Never serialized (GraphQL
     * answers NOT_FOUND either way); vendor adapters whose contract answers 403 for another
     * tenant's object read it.
     */
    readonly otherTenant = false,
  ) {
    super(message);
  }
}

export const unauthenticated = (message = "authentication required: send Authorization: Bearer <token>") =>
  new DomainError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
export const notFound = (what: string, id: string, otherTenant = false) =>
  new DomainError("NOT_FOUND", `${what} ${id} not found`, { id }, otherTenant);
export const badInput = (message: string, details?: Record<string, unknown>) => new DomainError("BAD_USER_INPUT", message, details);
