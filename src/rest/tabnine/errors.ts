import { STATUS_CODES } from "node:http";
import type { VendorReply } from "../route.js";
import { statusOfError } from "../status.js";

/** Tabnine error bodies `{error, message, status}` (docs/vendors/tabnine.md §3.0.3). */

/**
 * The error statuses of every endpoint: the document's 400, 401, 404 and 500, and 403, which it
 * documents on 3.11–3.13 only but the gateway answers everywhere to a caller who is not an Admin
 * (a deviation, docs/vendors/tabnine.md "Vendor material and deviations").
 */
export const ERRORS = [400, 401, 403, 404, 500];

const DOCUMENTED: Record<number, { error: string; message: string }> = {
  400: { error: "BAD_REQUEST", message: "Invalid or missing parameters." },
  401: { error: "UNAUTHORIZED", message: "Invalid token." },
  403: { error: "FORBIDDEN", message: "User lacks permission." },
  404: { error: "NOT_FOUND", message: "Resource not found." },
  405: { error: "METHOD_NOT_ALLOWED", message: "Method not allowed." },
  429: { error: "RATE_LIMITED", message: "Too many requests." },
  500: { error: "INTERNAL_SERVER_ERROR", message: "Unexpected server error." },
};

// A status Tabnine does not document keeps the shape, named after its HTTP reason (409 → CONFLICT, "Conflict.").
function generic(status: number): { error: string; message: string } {
  const reason = STATUS_CODES[status] ?? "Error";
  return { error: reason.toUpperCase().replace(/[^A-Z]+/g, "_"), message: `${reason}.` };
}

/** The Tabnine answer with `status`: its documented body, or the generic one of that shape. */
export const tabnineError = (status: number): VendorReply => ({ status, body: { ...(DOCUMENTED[status] ?? generic(status)), status } });

/** Tabnine's answer to a failed request: the status of statusOfError (HTTP_STATUS for DomainErrors) with its body. */
export const tabnineReply = (error: unknown): VendorReply => tabnineError(statusOfError(error));
