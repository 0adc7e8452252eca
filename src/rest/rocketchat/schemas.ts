import { z } from "zod";
import { parseProjection, ProjectionError, type Projection } from "./projection.js";
import { nestedDeeperThan } from "../../http/request-values.js";
import { numberParam, rocketChatQuery, stringParam } from "./params.js";
import { RC_DEFAULT_COUNT, RC_MAX_COUNT } from "./pagination.js";

/**
 * Request parameters and documented response shapes of the Rocket.Chat REST API (docs/vendors/rocketchat.md
 * §2). `statistics` and `statistics.list` refuse what the validators of @rocket.chat/rest-typings 8.8.1 refuse
 * (params.ts); errors.ts turns a refusal into the vendor's body.
 */

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

/** Meteor's check(Match.ObjectIncluding(…)) in the route: other parameters are ignored. */
export const activeUsersQuery = z.object({ start: matchDate("start"), end: matchDate("end") });

/** rest-typings isStatisticsProps: `refresh` is any string; only "true" refreshes. */
export const statisticsQuery = rocketChatQuery(
  { refresh: "string" },
  {
    refresh: stringParam()
      .optional()
      .transform((value) => value === "true")
      .describe('"true" computes, stores and returns a fresh snapshot; any other text returns the latest one'),
  },
);

/**
 * A JSON object parameter, read as parseJsonQuery reads it (an empty value is no value); `raw` is kept
 * for the vendor's error text.
 */
const jsonObject = <T>(name: "sort" | "fields" | "query", check: (value: Record<string, unknown>) => T) =>
  stringParam()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return undefined;
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

/** rest-typings isStatisticsListProps (its properties in its order); count and offset as getPaginationItems reads them (pagination.ts). */
export const statisticsListQuery = rocketChatQuery(
  { fields: "string", count: "number", offset: "number", sort: "string", query: "string" },
  {
    fields: jsonObject("fields", (value): Projection => parseProjection(value)).describe(
      'JSON object of fields with 1 or 0, e.g. {"totalUsers":1}',
    ),
    count: numberParam()
      .optional()
      .describe(`Items to return (default ${RC_DEFAULT_COUNT}, at most ${RC_MAX_COUNT}; 0 = all; read with parseInt)`),
    offset: numberParam().optional().describe("Items to skip (default 0; read with parseInt)"),
    sort: jsonObject("sort", sortDirections).describe('JSON object of fields with 1 or -1, e.g. {"createdAt":-1}'),
    query: jsonObject("query", (value) => value).describe(
      'Mongo-style query: equality, $or, $and, $regex (+$options), e.g. {"version":{"$regex":"^6"}}',
    ),
  },
);

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
