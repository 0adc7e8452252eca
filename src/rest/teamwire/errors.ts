import type { VendorReply } from "../route.js";
import { statusOfError } from "../status.js";

/** Teamwire documents statuses only (docs/vendors/teamwire.md §1.0.6): every error status has the body `{}`. */

/** The Teamwire answer with `status`. */
export const teamwireError = (status: number): VendorReply => ({ status, body: {} });

/** Teamwire's answer to a failed request: the status of statusOfError (HTTP_STATUS for DomainErrors) with `{}`. */
export const teamwireReply = (error: unknown): VendorReply => teamwireError(statusOfError(error));
