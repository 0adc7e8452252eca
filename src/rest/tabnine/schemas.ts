import { z } from "zod";

/** Request parameters and documented response shapes of the Tabnine Usage Metrics API (docs/vendors/tabnine.md §3). */

const nonNegativeInteger = z
  .string()
  .regex(/^\d+$/, "must be a non-negative integer")
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER));
const literalBoolean = z.enum(["true", "false"]).transform((value) => value === "true");
const dateTime = z
  .string()
  .refine(
    (value) => z.iso.datetime({ offset: true }).safeParse(value).success || z.iso.date().safeParse(value).success,
    "must be an ISO 8601 date-time",
  )
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), "must be a valid date");

export const GRANULARITIES = {
  all: "all",
  daily: "daily",
  weekly: "weekly",
  monthly: "monthly",
  day: "daily",
  week: "weekly",
  month: "monthly",
} as const;
export type Granularity = (typeof GRANULARITIES)[keyof typeof GRANULARITIES];

const usageRange = {
  from: dateTime,
  to: dateTime,
  granularity: z.enum(Object.keys(GRANULARITIES) as [keyof typeof GRANULARITIES]).transform((value) => GRANULARITIES[value]),
};
// Object refinements run even when a field failed (zod 4): `from`/`to` may then still be raw
// strings or missing. That request is already a 400; only compare two parsed dates.
const laterTo = (range: { from: Date; to: Date }) =>
  !(range.from instanceof Date && range.to instanceof Date) || range.to.getTime() > range.from.getTime();

export const teamListQuery = z.object({ offset: nonNegativeInteger.default(0), limit: nonNegativeInteger.default(0) });
export const pagingQuery = z.object({ offset: nonNegativeInteger, limit: nonNegativeInteger });
export const organizationUsersQuery = pagingQuery.extend({ teamMember: literalBoolean, active: literalBoolean });
export const accountUtilizationsQuery = z.object({
  startDate: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")
    .optional(),
});
export const organizationUsageQuery = z.object({ organizationId: z.string(), ...usageRange }).refine(laterTo, "to must be later than from");
export const teamUsageQuery = z
  .object({ organizationId: z.string(), teamId: z.string(), ...usageRange })
  .refine(laterTo, "to must be later than from");
export const userUsageQuery = z
  .object({ organizationId: z.string(), userId: z.string(), ...usageRange })
  .refine(laterTo, "to must be later than from");
export const roleQuery = z.object({ role: z.string() });
export const teamIdQuery = z.object({ teamId: z.string().min(1) });
export const teamIdParams = z.object({ teamId: z.string() });
export const userIdParams = z.object({ user_id: z.string() });

// ── responses ────────────────────────────────────────────────────────────────
const count = z.number().int().min(0);
const isoString = z.string().refine((value) => new Date(value).toISOString() === value, "toISOString() form");

export const pageMeta = z.strictObject({
  count,
  total: count,
  next: z.strictObject({ limit: count, offset: count }).optional(),
});

export const tnUser = z.strictObject({
  id: z.string(),
  username: z.string(),
  email: z.string(),
  role: z.string(),
  verified: z.boolean(),
  deactivatedAt: isoString.nullable(),
  updatedAt: isoString.nullable(),
});
export const userList = z.strictObject({ data: z.array(tnUser), meta: pageMeta });

export const organization = z.strictObject({
  publicKey: z.string().optional(),
  samlEnabled: z.boolean(),
  smtpConfigured: z.boolean(),
  usernamePasswordEnabled: z.boolean(),
  name: z.string(),
  domains: z.array(z.string()),
  planType: z.string(),
  id: z.string(),
});

export const teamList = z.strictObject({
  data: z.array(z.strictObject({ id: z.string(), name: z.string(), usersCount: count, isDefaultTeam: z.boolean() })),
  meta: pageMeta,
});

export const accountUtilizations = z.array(
  z.strictObject({
    year: z.number().int().min(1970),
    month: z.number().int().min(0).max(11),
    registered: count,
    deactivated: count,
    active: count,
    pending: count,
  }),
);

const ratio = z.number().min(0).max(1);
export const usageBlock = z.strictObject({
  from: isoString,
  to: isoString,
  activeUsers: count,
  productivityFactor: ratio.optional(),
  codeCompletions: z.strictObject({
    activeUsers: count,
    completions: count,
    charsCompleted: count,
    keystrokes: count,
    lines: count,
    automationFactor: ratio,
  }),
  chat: z.strictObject({
    activeUsers: count,
    interactions: count,
    usefulChatInteractions: count,
    lines: count,
    charsCompleted: count,
    chatConsumptionRate: ratio,
  }),
});
const usageContainer = z.strictObject({ granularity: z.enum(["all", "daily", "weekly", "monthly"]), data: z.array(usageBlock) });
export const organizationUsage = z.strictObject({ organizationId: z.string(), from: isoString, to: isoString, usage: usageContainer });
export const teamUsage = z.strictObject({
  organizationId: z.string(),
  teamId: z.string(),
  from: isoString,
  to: isoString,
  usage: usageContainer,
});
export const userUsage = z.strictObject({
  organizationId: z.string(),
  userId: z.string(),
  from: isoString,
  to: isoString,
  usage: usageContainer,
});

export const license = z.strictObject({
  license: z.strictObject({
    exp: z.number().int().optional(),
    seats: z.number().int(),
    seatsCap: z.number().int().optional(),
    audience: z.string().optional(),
    features: z.array(z.string()),
    settings: z.record(z.string(), z.unknown()),
    iat: z.number().int().optional(),
  }),
});

export const permissionUsers = z.array(z.strictObject({ username: z.string(), organizationId: z.string() }));
export const teamUtilization = z.strictObject({ registered: count, deactivated: count, invited: count });
export const teamInfo = z.strictObject({ id: z.string(), name: z.string() });
export const userInfo = z.strictObject({
  user: z.strictObject({
    organization_id: z.string(),
    user_id: z.string(),
    email: z.string(),
    role: z.string(),
    createdAt: isoString,
    updatedAt: isoString,
  }),
  teams: z.union([z.strictObject({ team_id: z.string(), team_name: z.string() }), z.strictObject({})]),
});

export const errorBody = z.strictObject({ error: z.string(), message: z.string(), status: z.number().int() });
