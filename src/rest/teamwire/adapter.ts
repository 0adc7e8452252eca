import type { VendorAdapter } from "../route.js";
import { authenticateTeamwire, type TeamwireCaller } from "./access.js";
import { teamwireError, teamwireReply } from "./errors.js";
import { teamwireRoutes } from "./routes.js";
import { mountTeamwireSession, SESSION_COOKIE, teamwireSessionPaths } from "./session.js";

/** Teamwire admin statistics: session cookie (or Bearer), bare statuses with `{}` bodies (docs/vendors/teamwire.md §1.0). */

const TEAMWIRE_PREFIX = /^\/v[^/]*\/admin(\/|$)/;

export const teamwireAdapter: VendorAdapter<TeamwireCaller> = {
  vendor: "TEAMWIRE",
  title: "Teamwire Enterprise API — admin statistics",
  securitySchemes: {
    teamwireSession: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "Session cookie set by POST /v1/admin/login/." },
    teamwireBearer: { type: "http", scheme: "bearer", description: "Gateway extension: a gateway JWT or API token of an admin." },
  },
  routes: teamwireRoutes,
  authenticate: authenticateTeamwire,
  reply: teamwireReply,
  claimsUnknown: (req) => TEAMWIRE_PREFIX.test(req.path),
  notFound: () => teamwireError(404),
  methodNotAllowed: () => teamwireError(405),
  mountExtra: mountTeamwireSession,
  extraPaths: teamwireSessionPaths,
  errorSchema: () => ({ type: "object", additionalProperties: false, description: "Teamwire documents no error body: always {}." }),
};
