import { z } from "zod";
import { parseProjection, ProjectionError, type Projection } from "./projection.js";
import { nestedDeeperThan } from "../../http/request-values.js";

/**
 * Request parameters and documented response shapes of the Rocket.Chat REST API (docs/vendors/rocketchat.md
 * §2). Issue messages name what failed; errors.ts (invalidRequestReply) turns the first issue into the vendor's body.
 */

/** `statistics.list` page size: default 50, larger values clamped to 100, 0 = all items. */
export const RC_DEFAULT_COUNT = 50;
export const RC_MAX_COUNT = 100;

// Rocket.Chat's isDateISOString: only the exact toISOString() form passes.
const isDateIsoString = (value: string) => {
  const time = Date.parse(value);
  // Years 0001-9999 only: the extended form (+275760-…) is no date the store or GraphQL holds.
  return !Number.isNaN(time) && new Date(time).toISOString() === value && /^(?!0000)\d{4}-/.test(value);
};

const matchDate = (name: "start" | "end") =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `Match error: Missing key '${name}'` : `Match error: Failed Match.Where validation in field ${name}`,
    })
    .refine(isDateIsoString, `Match error: Failed Match.Where validation in field ${name}`)
    .describe(`ISO-8601 date-time in exactly the toISOString() form, e.g. 2023-10-05T14:48:00.000Z`);

export const activeUsersQuery = z.object({ start: matchDate("start"), end: matchDate("end") });

export const statisticsQuery = z.object({
  refresh: z
    .unknown()
    .optional()
    .transform((value) => value === "true")
    .describe('"true" computes, stores and returns a fresh snapshot; anything else returns the latest one'),
});

const nonNegativeInteger = (name: "offset" | "count", fallback: number) =>
  z
    .string({ error: name })
    .regex(/^\d{1,15}$/, name)
    .optional()
    .transform((value) => (value === undefined ? fallback : Number(value)));

/** A JSON object parameter; `raw` is kept for the vendor's error text. */
const jsonObject = <T>(name: "sort" | "fields" | "query", check: (value: Record<string, unknown>) => T) =>
  z
    .string({ error: name })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      try {
        const value: unknown = JSON.parse(raw);
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
        if (nestedDeeperThan(value)) throw new Error("nested too deep");
        return { raw, value: check(value as Record<string, unknown>) };
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof ProjectionError ? `${name}: ${error.message}` : name });
        return z.NEVER;
      }
    });

const sortDirections = (value: Record<string, unknown>) => {
  if (Object.values(value).some((direction) => direction !== 1 && direction !== -1)) throw new Error("directions are 1 or -1");
  return value;
};

export const statisticsListQuery = z.object({
  offset: nonNegativeInteger("offset", 0).describe("Items to skip (default 0)"),
  count: nonNegativeInteger("count", RC_DEFAULT_COUNT).describe(
    `Items to return (default ${RC_DEFAULT_COUNT}, at most ${RC_MAX_COUNT}; 0 = all)`,
  ),
  sort: jsonObject("sort", sortDirections).describe('JSON object of fields with 1 or -1, e.g. {"createdAt":-1}'),
  fields: jsonObject("fields", (value): Projection => parseProjection(value)).describe(
    'JSON object of fields with 1 or 0, e.g. {"totalUsers":1}',
  ),
  query: jsonObject("query", (value) => value).describe(
    'Mongo-style query: equality, $or, $and, $regex (+$options), e.g. {"version":{"$regex":"^6"}}',
  ),
});

// ── responses ────────────────────────────────────────────────────────────────
const isoString = z.string().refine(isDateIsoString, "toISOString() form");
const uniqueOs = z.strictObject({
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  data: z.array(z.strictObject({ count: z.number().int(), time: z.number(), name: z.string(), version: z.string() })),
});

/** The statistics object; workspace-only parts are kept as the source sent them. */
export const rcStatistics = z.looseObject({
  _id: z.string(),
  wizard: z.looseObject({}),
  uniqueId: z.string(),
  installedAt: isoString,
  version: z.string(),
  totalUsers: z.number().int(),
  activeUsers: z.number().int(),
  nonActiveUsers: z.number().int(),
  onlineUsers: z.number().int(),
  userLanguages: z.record(z.string(), z.number().int()),
  totalRooms: z.number().int(),
  teams: z.looseObject({ totalTeams: z.number().int() }),
  totalMessages: z.number(),
  lastLogin: isoString,
  uniqueOSOfYesterday: uniqueOs,
  uniqueOSOfLastWeek: uniqueOs,
  uniqueOSOfLastMonth: uniqueOs,
  apps: z.looseObject({}),
  services: z.looseObject({}),
  enterprise: z.looseObject({ modules: z.array(z.string()), tags: z.array(z.string()) }),
  createdAt: isoString,
  _updatedAt: isoString,
});

export const statistics = rcStatistics.extend({ success: z.literal(true) });

export const statisticsList = z.strictObject({
  statistics: z.array(z.looseObject({})),
  count: z.number().int(),
  offset: z.number().int(),
  total: z.number().int(),
  success: z.literal(true),
});

export const activeUsers = z.strictObject({
  month: z.array(
    z.strictObject({
      usersList: z.array(z.string()),
      users: z.number().int(),
      day: z.number().int().min(1).max(31),
      month: z.number().int().min(1).max(12),
      year: z.number().int(),
    }),
  ),
  success: z.literal(true),
});
