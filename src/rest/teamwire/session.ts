import type { Request, Response, Router } from "express";
import { DomainError, HTTP_STATUS } from "../../errors.js";
import { retryAfterOf } from "../../http/rate-limits.js";
import { TeamwireLoginDocument } from "../__generated__/operations.js";
import type { OperationRunner } from "../execute.js";
import { loginBody } from "./schemas.js";

/**
 * Teamwire's session login (`POST /v<api_version>/admin/login/`, [V-TW]): the admin's email and
 * password are checked by the gateway's `login` mutation; the session is a signed gateway JWT in
 * the `sessionid` cookie, so any gateway process accepts it (no server-side session state).
 * Logging out clears the cookie; the token itself stays valid until it expires (12 hours).
 */

export const SESSION_COOKIE = "sessionid";
const LOGIN_PATH = "/v1/admin/login/";
const LOGOUT_PATH = "/v1/admin/logout/";

const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: "lax" as const, secure: req.secure, path: "/" });

async function login(req: Request, res: Response, runAnonymous: (req: Request) => Promise<OperationRunner>): Promise<void> {
  const body = loginBody.safeParse(req.body ?? {});
  if (!body.success) {
    res.status(400).json({ detail: "email and password are required." });
    return;
  }
  try {
    const run = await runAnonymous(req);
    const { login: session } = await run(TeamwireLoginDocument, { email: body.data.email, password: body.data.password });
    const maxAge = new Date(session.expiresAt).getTime() - Date.now();
    res
      .cookie(SESSION_COOKIE, session.token, { ...cookieOptions(req), maxAge })
      .status(200)
      .json({});
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) res.set("Retry-After", String(retryAfter));
    if (error.code === "RATE_LIMITED" || error.code === "UNAVAILABLE") {
      const detail = error.code === "RATE_LIMITED" ? "Too many login attempts." : "The service is temporarily unavailable.";
      res.status(HTTP_STATUS[error.code]).json({ detail: `${detail} Try again in ${retryAfter ?? 1} s.` });
      return;
    }
    if (error.code === "FORBIDDEN") {
      res.status(403).json({ detail: "The account's organisation is disabled." });
      return;
    }
    // Credentials the gateway cannot even check (bad input) are wrong credentials to Teamwire: 401.
    const status = error.code === "BAD_USER_INPUT" ? HTTP_STATUS.UNAUTHENTICATED : HTTP_STATUS[error.code];
    res.status(status).json({ detail: "Invalid email or password." });
  }
}

export function mountTeamwireSession(router: Router, runAnonymous: (req: Request) => Promise<OperationRunner>): void {
  router.post(LOGIN_PATH, (req, res, next) => {
    login(req, res, runAnonymous).catch(next);
  });
  router.post(LOGOUT_PATH, (req, res) => {
    res.clearCookie(SESSION_COOKIE, cookieOptions(req)).status(200).json({});
  });
  for (const path of [LOGIN_PATH, LOGOUT_PATH]) router.all(path, (_req, res) => res.set("Allow", "POST").status(405).json({}));
}

const detail = { type: "object", properties: { detail: { type: "string" } } };
export const teamwireSessionPaths: Record<string, Record<string, unknown>> = {
  [LOGIN_PATH]: {
    post: {
      tags: ["Teamwire Enterprise API — admin statistics"],
      summary: "Log in (establishes the session cookie)",
      description:
        "Checks an admin's email and password; on success sets the `sessionid` cookie (HttpOnly, SameSite=Lax) that the statistics endpoints accept. `token` (OTP) is accepted and ignored: the gateway has no second factor.",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["email", "password"],
              properties: { email: { type: "string" }, password: { type: "string" }, token: { type: "string" } },
            },
          },
        },
      },
      responses: {
        "200": { description: "Logged in; `Set-Cookie: sessionid=…`", content: { "application/json": { schema: { type: "object" } } } },
        "400": { description: "Missing email or password", content: { "application/json": { schema: detail } } },
        "401": { description: "Invalid credentials", content: { "application/json": { schema: detail } } },
        "403": { description: "The organisation is disabled", content: { "application/json": { schema: detail } } },
      },
    },
  },
  [LOGOUT_PATH]: {
    post: {
      tags: ["Teamwire Enterprise API — admin statistics"],
      summary: "Log out (clears the session cookie)",
      responses: { "200": { description: "Logged out", content: { "application/json": { schema: { type: "object" } } } } },
    },
  },
};
