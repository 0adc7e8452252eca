import { DomainError, HTTP_STATUS } from "../errors.js";
import { InvalidRequest } from "./route.js";

/**
 * The HTTP status of a failed vendor request: a path parameter that does not parse means an
 * undocumented URL (404), a bad query 400, a DomainError its HTTP_STATUS, anything else (a bug) 500.
 */
export function statusOfError(error: unknown): number {
  if (error instanceof InvalidRequest) return error.part === "params" ? 404 : 400;
  if (error instanceof DomainError) return HTTP_STATUS[error.code];
  return 500;
}
