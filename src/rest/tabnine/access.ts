import { forbidden } from "../../errors.js";
import type { Caller } from "../route.js";

/** Tabnine `Admin` (gateway ADMIN/SUPERADMIN) may call everything; TEAM_ADMIN only its own team's endpoints. */
export function requireTabnineAdmin(caller: Caller, teamId?: unknown): void {
  const { role, teamId: ownTeam } = caller.viewer;
  if (role === "ADMIN" || role === "SUPERADMIN") return;
  if (role === "TEAM_ADMIN" && teamId !== undefined && teamId === ownTeam) return;
  throw forbidden("the Tabnine API needs an Admin (or the team's TeamLead for team endpoints)");
}
