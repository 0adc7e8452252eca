import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isStoreUnavailable, storeUnavailable } from "../db/store-failure.js";
import { DomainError, HTTP_STATUS } from "../errors.js";

// Codes whose messages are written for the caller (GraphQL spec and Apollo request errors, and every DomainErrorCode).
const CALLER_CODES = new Set<string>([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  ...Object.keys(HTTP_STATUS),
]);

/**
 * A request-level error Apollo raises without a code but with a 4xx status (e.g. "provided sha
 * does not match query"): about the request, never wrapping a thrown error.
 */
function isRequestError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

export const INTERNAL_MESSAGE = "Internal server error. Quote the request id when reporting it.";

/**
 * Whether an error is one the caller caused or may see (not a bug to log and mask). `code` is the
 * code Apollo assigned (graphql-js validation errors carry none of their own).
 */
export function isExpectedError(error: unknown, code?: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError || isRequestError(original)) return true;
  const effective = (original as GraphQLError | undefined)?.extensions?.code ?? code;
  return original instanceof GraphQLError && typeof effective === "string" && CALLER_CODES.has(effective);
}

/**
 * Maps DomainErrors to `extensions.code` (with their safe details), keeps the caller-facing
 * request errors, and masks everything else as INTERNAL_SERVER_ERROR (the original is logged
 * by the error-logging plugin with the request id).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: { ...original.details, code: original.code } };
  }
  if (isStoreUnavailable(original)) {
    const outage = storeUnavailable();
    return {
      message: outage.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...outage.details, code: outage.code },
    };
  }
  if (isRequestError(original)) return { message: original.message, extensions: { code: "BAD_REQUEST" } };
  if (isExpectedError(error, formatted.extensions?.code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * {@link formatError} without "Did you mean …?" in any message (with introspection off): Apollo's
 * hideSchemaDetailsFromClientErrors strips them only from validation errors, while variable
 * coercion ("Value "HOURS" does not exist in "Resolution" enum. Did you mean the enum value
 * "HOUR"?") would still spell the schema out.
 */
export function formatErrorWithoutSuggestions(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const result = formatError(formatted, error);
  return { ...result, message: result.message.replace(SUGGESTION, "") };
}
