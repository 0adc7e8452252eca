import { z } from "zod";
import type { RoomType, UsageMetric, UserStatus, Vendor } from "../db/generated/enums.js";
import { VENDORS } from "../vendors/registry.js";
import { metricProblem, resolveMetric, valueProblem } from "./ingest.metrics.js";
import { OrganizationSettingsSchema, type IngestOrganization } from "./ingest.organizations.js";

/** One reason a batch was rejected. `index` is the position in `list`; null for the batch itself. */
export interface IngestProblem {
  readonly list: "batch" | "events" | "organizations" | "teams" | "users" | "devices";
  readonly index: number | null;
  /** Dotted path inside the item (e.g. `identity.externalId`), or the batch field. */
  readonly field: string;
  readonly reason: string;
}

const LIST_ORDER: readonly IngestProblem["list"][] = ["batch", "events", "organizations", "teams", "users", "devices"];

/** Problems in a stable order: by list (batch, events, organizations, teams, users, devices), then index. */
export function sortProblems(problems: readonly IngestProblem[]): IngestProblem[] {
  return [...problems].sort((a, b) => LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list) || (a.index ?? -1) - (b.index ?? -1));
}

export interface IngestLimits {
  /** Most events in one batch; organizations, teams, users and devices are limited to the same number each. */
  readonly maxEvents: number;
}

/** Events more than this far in the future are rejected (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = z.string().regex(UUID, "must be a UUID");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const vendor = z.enum(VENDORS);
const instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with a time zone, e.g. 2025-03-01T10:00:00Z" });
const identity = z.strictObject({ vendor, externalId: text(200) });

const EventSchema = z.strictObject({
  idempotencyKey: text(200),
  organizationId: uuid,
  teamId: uuid.nullish(),
  userId: uuid.nullish(),
  identity: identity.nullish(),
  vendor,
  metric: z.string(),
  roomType: z.enum(["NONE", "CHANNEL", "PRIVATE_GROUP", "DIRECT", "LIVECHAT"] satisfies RoomType[]).nullish(),
  timestamp: instant,
  value: z.number().finite("must be a finite number").min(0, "must not be negative"),
});

const TeamSchema = z.strictObject({ organizationId: uuid, id: uuid, name: text(200) });

const UserSchema = z.strictObject({
  organizationId: uuid,
  id: uuid.nullish(),
  email: z
    .email("must be an email address")
    .max(320)
    .transform((email) => email.toLowerCase()),
  username: text(200).nullish(),
  firstName: z.string().max(200).nullish(),
  lastName: z.string().max(200).nullish(),
  teamId: uuid.nullish(),
  status: z.enum(["REGISTERED", "PENDING", "DEACTIVATED"] satisfies UserStatus[]).nullish(),
  locale: text(35).nullish(),
  identities: z
    .array(z.strictObject({ vendor, externalId: text(200), vendorRole: text(100).nullish() }))
    .max(3)
    .nullish(),
});

const DeviceSchema = z.strictObject({
  organizationId: uuid,
  userId: uuid.nullish(),
  identity: identity.nullish(),
  vendor,
  externalId: text(200),
  os: text(100),
  osVersion: z.string().max(100).nullish(),
  client: text(100),
  clientVersion: z.string().max(100).nullish(),
  managed: z.boolean().nullish(),
  locale: z.string().max(35).nullish(),
  firstSeenAt: instant.nullish(),
  lastSeenAt: instant,
});

const BatchSchema = z.strictObject({
  events: z.array(z.unknown(), "must be an array of events"),
  organizations: z.array(z.unknown()).nullish(),
  teams: z.array(z.unknown()).nullish(),
  users: z.array(z.unknown()).nullish(),
  devices: z.array(z.unknown()).nullish(),
});

export interface IdentityRef {
  readonly vendor: Vendor;
  readonly externalId: string;
}

/** A structurally valid event; who it belongs to is resolved against the store later. */
export interface IngestEvent {
  readonly index: number;
  readonly idempotencyKey: string;
  readonly organizationId: string;
  readonly teamId: string | null;
  readonly userId: string | null;
  readonly identity: IdentityRef | null;
  readonly vendor: Vendor;
  readonly metric: UsageMetric;
  readonly roomType: RoomType;
  readonly occurredAt: Date;
  readonly value: number;
}

export type IngestTeam = z.output<typeof TeamSchema> & { readonly index: number };
export type IngestUser = z.output<typeof UserSchema> & { readonly index: number };
export type IngestDevice = Omit<z.output<typeof DeviceSchema>, "firstSeenAt" | "lastSeenAt"> & {
  readonly index: number;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
};

export interface ParsedBatch {
  /** Events to write, one per idempotency key (exact repeats inside the batch dropped). */
  readonly events: IngestEvent[];
  /** Events received, repeats included. */
  readonly received: number;
  readonly organizations: IngestOrganization[];
  readonly teams: IngestTeam[];
  readonly users: IngestUser[];
  readonly devices: IngestDevice[];
}

function issuesToProblems(list: IngestProblem["list"], index: number | null, issues: z.core.$ZodIssue[], raw: unknown): IngestProblem[] {
  const at = (path: PropertyKey[]) =>
    path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | null | undefined)?.[key], raw);
  return issues.map((issue) => {
    const path = issue.path.join(".");
    if (issue.code === "unrecognized_keys") {
      return { list, index, field: [path, issue.keys.join(", ")].filter(Boolean).join("."), reason: "unknown field" };
    }
    return { list, index, field: path, reason: at(issue.path) === undefined ? "is required" : issue.message };
  });
}

function parseItems<S extends z.ZodType, T>(
  list: IngestProblem["list"],
  raw: readonly unknown[] | null | undefined,
  schema: S,
  problems: IngestProblem[],
  build: (value: z.output<S>, index: number) => T | undefined,
): T[] {
  const items: T[] = [];
  (raw ?? []).forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) problems.push(...issuesToProblems(list, index, parsed.error.issues, item));
    else {
      const built = build(parsed.data, index);
      if (built !== undefined) items.push(built);
    }
  });
  return items;
}

/**
 * Validates a batch body (`{ events, organizations?, teams?, users?, devices? }`) without touching the store:
 * shapes, metric names and aliases, metric × vendor × room type, timestamps, and idempotency
 * keys repeated with different content. Returns every problem found and the items that passed
 * (so that their references can be checked too); `batch` is null when the body itself is unusable.
 */
export function parseBatch(
  body: unknown,
  limits: IngestLimits,
  now = new Date(),
): { batch: ParsedBatch | null; problems: IngestProblem[] } {
  const top = BatchSchema.safeParse(body ?? {});
  if (!top.success) return { batch: null, problems: issuesToProblems("batch", null, top.error.issues, body ?? {}) };
  const problems: IngestProblem[] = [];
  for (const list of ["events", "organizations", "teams", "users", "devices"] as const) {
    const length = top.data[list]?.length ?? 0;
    if (length > limits.maxEvents)
      problems.push({
        list: "batch",
        index: null,
        field: list,
        reason: `at most ${limits.maxEvents} ${list} per batch (got ${length}); split the batch`,
      });
  }
  if (problems.length > 0) return { batch: null, problems };

  const latest = now.getTime() + MAX_FUTURE_SKEW_MS;
  const seen = new Map<string, { index: number; content: string }>();
  const events = parseItems("events", top.data.events, EventSchema, problems, (e, index) => {
    const at = (field: string, reason: string) => void problems.push({ list: "events", index, field, reason });
    const metric = resolveMetric(e.metric);
    if ("reason" in metric) return at("metric", metric.reason);
    if (e.userId && e.identity) return at("identity", "give userId or identity, not both");
    const roomType = e.roomType ?? "NONE";
    const problem = metricProblem(metric.metric, e.vendor, roomType, Boolean(e.userId || e.identity));
    if (problem) return at(problem.field, problem.reason);
    const badValue = valueProblem(metric.metric, e.value);
    if (badValue) return at("value", badValue);
    const occurredAt = new Date(e.timestamp);
    if (occurredAt.getTime() > latest) return at("timestamp", "must not be more than 5 minutes in the future");
    if (occurredAt.getUTCFullYear() < 1970) return at("timestamp", "must not be before 1970");
    const event: IngestEvent = {
      index,
      idempotencyKey: e.idempotencyKey,
      organizationId: e.organizationId.toLowerCase(),
      teamId: e.teamId?.toLowerCase() ?? null,
      userId: e.userId?.toLowerCase() ?? null,
      identity: e.identity ?? null,
      vendor: e.vendor,
      metric: metric.metric,
      roomType,
      occurredAt,
      value: e.value,
    };
    const key = `${event.organizationId}|${event.idempotencyKey}`;
    const content = JSON.stringify({ ...event, index: 0 });
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { index, content });
      return event;
    }
    if (first.content !== content) at("idempotencyKey", `repeats the key of event ${first.index} with different content`);
    return undefined; // an exact repeat inside the batch: written once
  });
  const organizations = parseItems("organizations", top.data.organizations, OrganizationSettingsSchema, problems, (row, index) => ({
    ...row,
    index,
  }));
  const teams = parseItems("teams", top.data.teams, TeamSchema, problems, (team, index) => ({
    ...team,
    organizationId: team.organizationId.toLowerCase(),
    id: team.id.toLowerCase(),
    index,
  }));
  const users = parseItems("users", top.data.users, UserSchema, problems, (user, index) => ({
    ...user,
    organizationId: user.organizationId.toLowerCase(),
    id: user.id?.toLowerCase() ?? null,
    teamId: user.teamId?.toLowerCase() ?? null,
    index,
  }));
  const devices = parseItems("devices", top.data.devices, DeviceSchema, problems, (device, index) => {
    if (device.userId && device.identity)
      return void problems.push({ list: "devices", index, field: "identity", reason: "give userId or identity, not both" });
    if (!device.userId && !device.identity)
      return void problems.push({ list: "devices", index, field: "userId", reason: "a device needs userId or identity" });
    const lastSeenAt = new Date(device.lastSeenAt);
    const firstSeenAt = device.firstSeenAt ? new Date(device.firstSeenAt) : lastSeenAt;
    if (firstSeenAt > lastSeenAt)
      return void problems.push({ list: "devices", index, field: "firstSeenAt", reason: "must not be after lastSeenAt" });
    return {
      ...device,
      organizationId: device.organizationId.toLowerCase(),
      userId: device.userId?.toLowerCase() ?? null,
      index,
      firstSeenAt,
      lastSeenAt,
    };
  });
  return { batch: { events, received: top.data.events.length, organizations, teams, users, devices }, problems };
}
