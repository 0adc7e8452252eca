import type { Request } from "express";
import { DomainError, forbidden } from "../../errors.js";
import type { Caller, VendorAdapter, VendorReply } from "../route.js";
import { statusOfError } from "../status.js";
import { tabnineRoutes } from "./routes.js";

/** Tabnine Usage Metrics API: Bearer auth, `{error, message, status}` bodies (spec/vendors.md §3.0). */

const ERRORS: Record<number, { error: string; message: string }> = {
  400: { error: "BAD_REQUEST", message: "Invalid or missing parameters." },
  401: { error: "UNAUTHORIZED", message: "Invalid token." },
  403: { error: "FORBIDDEN", message: "User lacks permission." },
  404: { error: "NOT_FOUND", message: "Resource not found." },
  405: { error: "METHOD_NOT_ALLOWED", message: "Method not allowed." },
  429: { error: "RATE_LIMITED", message: "Too many requests." },
  500: { error: "INTERNAL_SERVER_ERROR", message: "Unexpected server error." },
};

export const tabnineError = (status: number): VendorReply => ({ status, body: { ...ERRORS[status]!, status } });


/** Tabnine `Admin` (gateway ADMIN/SUPERADMIN) may call everything; TEAM_ADMIN only its own team's endpoints. */
export function requireTabnineAdmin(caller: Caller, teamId?: unknown): void {
  const { role, teamId: ownTeam } = caller.viewer;
  if (role === "ADMIN" || role === "SUPERADMIN") return;
  if (role === "TEAM_ADMIN" && teamId !== undefined && teamId === ownTeam) return;
  throw forbidden("the Tabnine API needs an Admin (or the team's TeamLead for team endpoints)");
}

export const tabnineAdapter: VendorAdapter = {
  name: "tabnine",
  title: "Tabnine Usage Metrics API",
  securitySchemes: { tabnineBearer: { type: "http", scheme: "bearer", description: "A gateway JWT or API token of a Tabnine Admin." } },
  routes: tabnineRoutes,
  async authenticate(req: Request, createCaller) {
    const authorization = req.headers.authorization;
    if (!authorization) throw new DomainError("UNAUTHENTICATED", "no Authorization header");
    return createCaller(authorization);
  },
  reply: (error) => tabnineError(statusOfError(error)),
  claimsUnknown: (req) => req.path === "/api/v1" || req.path.startsWith("/api/v1/"),
  notFound: () => tabnineError(404),
  methodNotAllowed: () => tabnineError(405),
  errorSchema: () => ({
    type: "object",
    required: ["error", "message", "status"],
    properties: { error: { type: "string" }, message: { type: "string" }, status: { type: "integer" } },
  }),
};
