import { z } from "zod";
import type { DeviceDiscriminator, Resolution, UsageMetric, Vendor } from "./__generated__/operations.js";
import { USAGE_METRICS } from "../usage/usage.metrics.js";
import { VENDORS } from "../vendors/registry.js";

/** Query parameters of the exports. Values are passed on to GraphQL, which applies its own rules (ranges, tenancy). */

const RESOLUTIONS: readonly Resolution[] = ["HOUR", "DAY", "WEEK", "MONTH"];
const DISCRIMINATORS: readonly DeviceDiscriminator[] = ["OS", "CLIENT", "IS_MANAGED", "LOCALE"];

const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]], { error: `must be one of ${values.join(", ")}` });

const text = z.string().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** A UTC instant as an ISO string: YYYY-MM-DD (midnight UTC) or an ISO 8601 date-time with a zone. */
const instant = z
  .string()
  .refine(
    (value) => z.iso.date().safeParse(value).success || z.iso.datetime({ offset: true }).safeParse(value).success,
    "must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone, e.g. 2025-01-01T00:00:00Z",
  )
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), "must be a valid date")
  .transform((date) => date.toISOString());

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`));

const metrics = z
  .string()
  .transform((value) => value.split(","))
  .pipe(z.array(oneOf(USAGE_METRICS as readonly UsageMetric[]), { error: "must be a comma-separated list of usage metrics" }));

/** An IANA zone name, checked by GraphQL's `timeZone` argument. */
const timeZone = z.string().min(1, "must not be empty").max(64, "must be at most 64 characters");

const organization = text.optional();
const vendor = oneOf(VENDORS as readonly Vendor[]).optional();

export const usageQuery = z
  .strictObject({
    from: instant,
    to: instant,
    resolution: oneOf(RESOLUTIONS),
    team: text.optional(),
    user: text.optional(),
    metrics: metrics.optional(),
    vendor,
    timeZone: timeZone.optional(),
    organization,
  })
  .refine((query) => !(query.team && query.user), { path: ["user"], message: "give team or user, not both" });
export type UsageQuery = z.output<typeof usageQuery>;

export const activeUsersQuery = z.strictObject({
  year: integer(1970, 9999),
  month: integer(1, 12).optional(),
  vendor,
  timeZone: timeZone.optional(),
  organization,
});
export type ActiveUsersQuery = z.output<typeof activeUsersQuery>;

export const devicesQuery = z.strictObject({
  discriminator: oneOf(DISCRIMINATORS),
  os: text.optional(),
  client: text.optional(),
  vendor,
  organization,
});
export type DevicesQuery = z.output<typeof devicesQuery>;

export const usersQuery = z.strictObject({ team: text.optional(), organization });
export type UsersQuery = z.output<typeof usersQuery>;

export const teamsQuery = z
  .strictObject({ from: instant.optional(), to: instant.optional(), vendor, metrics: metrics.optional(), organization })
  .refine((query) => (query.from === undefined) === (query.to === undefined), {
    path: ["to"],
    message: "give from and to together (usage totals over [from, to)), or neither",
  })
  .refine((query) => query.from !== undefined || (query.vendor === undefined && query.metrics === undefined), {
    path: ["from"],
    message: "vendor and metrics select usage totals: give from and to with them",
  });
export type TeamsQuery = z.output<typeof teamsQuery>;

export const organizationZipQuery = z.strictObject({
  from: instant,
  to: instant,
  resolution: oneOf(RESOLUTIONS).default("DAY"),
  timeZone: timeZone.optional(),
  organization,
});
export type OrganizationZipQuery = z.output<typeof organizationZipQuery>;
