import { parse as parseCookies } from "cookie";
import type { Request } from "express";
import { forbidden, unauthenticated } from "../../errors.js";
import { TeamwireCallerDocument } from "../__generated__/operations.js";
import type { Caller } from "../route.js";
import { SESSION_COOKIE } from "./session.js";

export interface TeamwireCaller {
  /** The caller's own organisation number and whether it is a Superadmin. */
  readonly ownNumber: number;
  readonly superadmin: boolean;
}

/**
 * Order of checks (§1.0.3): session 401 → own organisation disabled 403 (for every surface, at
 * authentication) → role 403.
 */
export async function authenticateTeamwire(
  req: Request,
  createCaller: (authorization: string | undefined) => Promise<Caller<undefined>>,
): Promise<Caller<TeamwireCaller>> {
  const session = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
  const authorization = req.headers.authorization ?? (session ? `Bearer ${session}` : undefined);
  if (!authorization) throw unauthenticated("no Teamwire session: log in with POST /v1/admin/login/");
  const caller = await createCaller(authorization);
  const { role } = caller.viewer;
  if (role !== "ADMIN" && role !== "SUPERADMIN") throw forbidden("Teamwire statistics are for admins");
  const { viewer } = await caller.run(TeamwireCallerDocument, {});
  return { ...caller, extra: { ownNumber: viewer.organization.number, superadmin: role === "SUPERADMIN" } };
}
