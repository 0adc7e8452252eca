import type { Request } from "express";
import { unauthenticated } from "../../errors.js";
import type { VendorAdapter } from "../route.js";
import { ENDPOINT_NOT_FOUND, INVALID_QUERY_STRING, ROUTE_HEADERS, rocketChatReply } from "./errors.js";
import { parseRocketChatQuery } from "./params.js";
import { rocketChatRoutes } from "./routes.js";

/**
 * Rocket.Chat REST API: X-User-Id + X-Auth-Token of one gateway user (docs/vendors/rocketchat.md §2.0);
 * queries parsed and answered as Rocket.Chat 8 does ("Request handling").
 */

const header = (req: Request, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
};

export const rocketChatAdapter: VendorAdapter = {
  vendor: "ROCKETCHAT",
  title: "Rocket.Chat REST API",
  securitySchemes: {
    rocketChatUserId: { type: "apiKey", in: "header", name: "X-User-Id", description: "The gateway user id of the caller." },
    rocketChatAuthToken: {
      type: "apiKey",
      in: "header",
      name: "X-Auth-Token",
      description: "A gateway API token (or JWT) of that same user.",
    },
  },
  routes: rocketChatRoutes,
  async authenticate(req, createCaller) {
    const userId = header(req, "x-user-id");
    const token = header(req, "x-auth-token");
    if (!userId || !token || !/^\S+$/.test(token)) throw unauthenticated("X-User-Id and X-Auth-Token are required");
    const caller = await createCaller(`Bearer ${token}`);
    if (caller.viewer.userId !== userId) throw unauthenticated("the token belongs to another user");
    return caller;
  },
  parseQuery(req) {
    try {
      return parseRocketChatQuery(req.originalUrl);
    } catch {
      throw INVALID_QUERY_STRING;
    }
  },
  successHeaders: ROUTE_HEADERS,
  reply: rocketChatReply,
  claimsUnknown: (req) =>
    (req.path === "/api/v1" || req.path.startsWith("/api/v1/")) &&
    (req.headers["x-user-id"] !== undefined || req.headers["x-auth-token"] !== undefined),
  notFound: () => ENDPOINT_NOT_FOUND,
  methodNotAllowed: () => ({ status: 405, body: { status: "error", message: "Method not allowed" } }),
  errorSchema: (status) =>
    status === 401
      ? {
          type: "object",
          required: ["success", "error", "status", "message"],
          properties: { success: { const: false }, error: { type: "string" }, status: { const: "error" }, message: { type: "string" } },
        }
      : {
          type: "object",
          required: ["success", "error"],
          properties: { success: { const: false }, error: { type: "string" }, errorType: { type: "string" }, details: { type: "object" } },
        },
};
