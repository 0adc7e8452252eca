import type { Request } from "express";
import { DomainError } from "../../errors.js";
import type { VendorAdapter } from "../route.js";
import { tabnineError, tabnineReply } from "./errors.js";
import { tabnineRoutes } from "./routes.js";

/** Tabnine Usage Metrics API: Bearer auth, `{error, message, status}` bodies (docs/vendors/tabnine.md §3.0). */

export const tabnineAdapter: VendorAdapter = {
  vendor: "TABNINE",
  title: "Tabnine Usage Metrics API",
  securitySchemes: { tabnineBearer: { type: "http", scheme: "bearer", description: "A gateway JWT or API token of a Tabnine Admin." } },
  routes: tabnineRoutes,
  async authenticate(req: Request, createCaller) {
    const authorization = req.headers.authorization;
    if (!authorization) throw new DomainError("UNAUTHENTICATED", "no Authorization header");
    return createCaller(authorization);
  },
  reply: tabnineReply,
  claimsUnknown: (req) => req.path === "/api/v1" || req.path.startsWith("/api/v1/"),
  notFound: () => tabnineError(404),
  methodNotAllowed: () => tabnineError(405),
  errorSchema: () => ({
    type: "object",
    required: ["error", "message", "status"],
    properties: { error: { type: "string" }, message: { type: "string" }, status: { type: "integer" } },
  }),
};
