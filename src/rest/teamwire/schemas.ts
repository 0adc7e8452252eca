import { z } from "zod";

/** Parameters and documented responses of the Teamwire admin statistics API (docs/vendors/teamwire.md §1). */

const integerIn = (min: number, max: number) =>
  z.string().regex(/^\d+$/, "must be an integer").transform(Number).pipe(z.number().int().min(min).max(max));

// Any digits match the route (§1.0.3): an admin naming a number that is not its own gets 403 even
// when no organisation could have it; a Superadmin gets 404 (see routes.ts).
export const organisationParams = z.object({ organisation_id: z.string().regex(/^\d+$/, "must be digits").transform(Number).optional() });
export const DISCRIMINATORS = { os: "OS", client: "CLIENT", is_managed: "IS_MANAGED", locale: "LOCALE" } as const;
export const deviceParams = organisationParams.extend({
  discriminator: z.enum(Object.keys(DISCRIMINATORS) as [keyof typeof DISCRIMINATORS]),
});
export const seriesQuery = z.object({ year: integerIn(1970, 9999), month: integerIn(1, 12).optional() });
export const deviceQuery = z.object({ os: z.string().optional(), client: z.string().optional() });
export const loginBody = z.object({ email: z.string().min(1), password: z.string().min(1), token: z.string().optional() });

export { teamwireDashboard as dashboard } from "../../vendors/teamwire/dashboard.js";

export const series = z
  .array(
    z.strictObject({
      keys: z.enum(["Active Users", "Activated Connectors", "Messages"]),
      min_year: z.number().int(),
      min_month: z.number().int().min(1).max(12),
      data: z.array(z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), count: z.number().int() })),
    }),
  )
  .length(1);

export const lastUsages = z.array(
  z.strictObject({ key: z.strictObject({ month: z.number().int().min(1).max(12), year: z.number().int() }), y: z.number().int().min(1) }),
);

export const deviceStats = z.strictObject({
  keys: z.enum(["Client OS Statistics", "Client Statistics", "Client Managed Statistics", "Client Locale Statistics"]),
  data: z.array(
    z.union([
      z.strictObject({ os: z.string(), os_v: z.string().optional(), total: z.number().int() }),
      z.strictObject({ client: z.string(), client_v: z.string().optional(), total: z.number().int() }),
      z.strictObject({ client: z.string(), os: z.string() }),
      z.strictObject({ locale: z.string(), total: z.number().int() }),
    ]),
  ),
});
