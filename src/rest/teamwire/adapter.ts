import { parse as parseCookies } from "cookie";
import type { Request } from "express";
import { forbidden, unauthenticated } from "../../errors.js";
import { TeamwireCallerDocument } from "../__generated__/operations.js";
import type { Caller, VendorAdapter, VendorReply } from "../route.js";
import { statusOfError } from "../status.js";
import { teamwireRoutes } from "./routes.js";
import { mountTeamwireSession, SESSION_COOKIE, teamwireSessionPaths } from "./session.js";

/** Teamwire admin statistics: session cookie (or Bearer), bare statuses with `{}` bodies (spec/vendors.md §1.0). */

export interface TeamwireCaller {
  /** The caller's own organisation number and whether it is a Superadmin. */
  readonly ownNumber: number;
  readonly superadmin: boolean;
}

const TEAMWIRE_PREFIX = /^\/v[^/]*\/admin(\/|$)/;


const empty = (status: number): VendorReply => ({ status, body: {} });

/** Order of checks (§1.0.3): session 401 → role 403 → own organisation disabled 403. */
async function authenticate(req: Request, createCaller: (authorization: string | undefined) => Promise<Caller<undefined>>): Promise<Caller<TeamwireCaller>> {
  const session = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
  const authorization = req.headers.authorization ?? (session ? `Bearer ${session}` : undefined);
  if (!authorization) throw unauthenticated("no Teamwire session: log in with POST /v1/admin/login/");
  const caller = await createCaller(authorization);
  const { role } = caller.viewer;
  if (role !== "ADMIN" && role !== "SUPERADMIN") throw forbidden("Teamwire statistics are for admins");
  const { viewer } = await caller.run(TeamwireCallerDocument, {});
  if (viewer.organization.disabled) throw forbidden("the caller's organisation is disabled");
  return { ...caller, extra: { ownNumber: viewer.organization.number, superadmin: role === "SUPERADMIN" } };
}

export const teamwireAdapter: VendorAdapter<TeamwireCaller> = {
  name: "teamwire",
  title: "Teamwire Enterprise API — admin statistics",
  securitySchemes: {
    teamwireSession: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "Session cookie set by POST /v1/admin/login/." },
    teamwireBearer: { type: "http", scheme: "bearer", description: "Gateway extension: a gateway JWT or API token of an admin." },
  },
  routes: teamwireRoutes,
  authenticate,
  reply: (error) => empty(statusOfError(error)),
  claimsUnknown: (req) => TEAMWIRE_PREFIX.test(req.path),
  notFound: () => empty(404),
  methodNotAllowed: () => empty(405),
  mountExtra: mountTeamwireSession,
  extraPaths: teamwireSessionPaths,
  errorSchema: () => ({ type: "object", additionalProperties: false, description: "Teamwire documents no error body: always {}." }),
};
