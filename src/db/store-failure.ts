import { DomainError } from "../errors.js";

/** What an outage answer tells the client to wait before retrying (Retry-After, in seconds). */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** A store connection that did not answer within the request deadline (REQUEST_TIMEOUT_MS) and was destroyed. */
export class StoreTimeout extends Error {
  override readonly name = "StoreTimeout";
}

// Prisma: cannot reach, connect timed out, operation timed out, server closed the connection, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's names for socket failures (its convertDriverError).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections.
const SQLSTATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// pg's own errors carry no code: a dead socket, a connect timeout, a client whose connection failed.
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Can't reach database server)/;

function isConnectionFailure(error: object): boolean {
  if (error instanceof StoreTimeout) return true;
  const { code, kind, originalCode, message } = error as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown };
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATES.test(code) || SOCKET_CODES.has(code))) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (kind === "postgres" && typeof (error as { code?: unknown }).code === "string") return SQLSTATES.test(code as string);
  if (typeof originalCode === "string" && SQLSTATES.test(originalCode)) return true;
  return typeof message === "string" && PG_MESSAGES.test(message.trim());
}

/** The errors an error wraps: its cause, Prisma's driver adapter error, GraphQL's original error, an AggregateError's list. */
function wrapped(error: object): unknown[] {
  const { cause, meta, originalError, errors } = error as {
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    originalError?: unknown;
    errors?: unknown;
  };
  return [cause, meta?.driverAdapterError, originalError, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
}

/**
 * Whether `error` (or anything it wraps) says the store cannot be reached or stopped answering:
 * refused or reset connections, a server shutting down or starting up, a pool or connect timeout, a
 * connection destroyed at the request deadline. Errors of the statement itself (bad SQL, a
 * constraint) are not outages.
 */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 8 || error instanceof DomainError) return false;
  return isConnectionFailure(error) || wrapped(error).some((inner) => isStoreUnavailable(inner, depth + 1));
}

/** The answer every surface gives an outage: 503 UNAVAILABLE with Retry-After, never the driver's words. */
export const storeUnavailable = () =>
  new DomainError("UNAVAILABLE", `the store is not answering: retry in ${STORE_RETRY_AFTER_SECONDS} s`, {
    retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
  });

/** `error` as the DomainError a surface answers: itself, UNAVAILABLE for an outage, or undefined (a bug, masked as 500). */
export function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  return isStoreUnavailable(error) ? storeUnavailable() : undefined;
}
