import { z } from "zod";
import { TEAMWIRE_PRIVACY_MODES } from "./privacy-mode.js";

/**
 * The payload of Teamwire's `GET /v<api_version>/admin/stats/dashboard/` (docs/vendors/teamwire.md §1.1),
 * declared once for the REST adapter that serves it and the connector that reads it. As the
 * gateway serves it: exactly these keys, in this order, here and in each admin; `settings` is one
 * of Teamwire's privacy modes, written as Teamwire writes them.
 */
export const teamwireDashboard = z.strictObject({
  settings: z.enum(Object.values(TEAMWIRE_PRIVACY_MODES)),
  users_count: z.number().int(),
  pending_users_count: z.number().int(),
  groups_count: z.number().int(),
  domains_count: z.number().int(),
  admins_count: z.number().int(),
  company: z.string(),
  license_count: z.number().int(),
  admins: z.array(z.strictObject({ first_name: z.string(), last_name: z.string(), super: z.boolean() })),
});
