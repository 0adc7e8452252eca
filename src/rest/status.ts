import { DomainError } from "../errors.js";
import { InvalidRequest } from "./route.js";

/**
 * The HTTP status of a failed vendor request, for vendors whose bodies depend on the status only:
 * a path parameter that does not parse means an undocumented URL (404), a bad query 400,
 * DomainErrors by code, anything else 500.
 */
export function statusOfError(error: unknown): number {
  if (error instanceof InvalidRequest) return error.part === "params" ? 404 : 400;
  if (!(error instanceof DomainError)) return 500;
  switch (error.code) {
    case "UNAUTHENTICATED": return 401;
    case "FORBIDDEN": return 403;
    case "NOT_FOUND": return 404;
    case "BAD_USER_INPUT": return 400;
    case "RATE_LIMITED": return 429;
  }
}
