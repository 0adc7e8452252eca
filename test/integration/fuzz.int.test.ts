import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import fc from "fast-check";
import { print, type ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { USAGE_METRICS } from "../../src/usage/usage.metrics.js";
import {
  DailyActiveUsersDocument,
  OrganizationStatisticsDocument,
  OrganizationUsageDocument,
  OrganizationUsersDocument,
  SnapshotHistoryDocument,
  TeamDetailDocument,
  TimeZoneActiveUsersDocument,
  TimeZoneOrganizationUsageDocument,
  UserEmailDocument,
} from "../__generated__/graphql.js";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { rocketChatHeaders } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

/**
 * Generated input against a seeded gateway over HTTP: GraphQL variables of the main operations and
 * query strings of the vendor routes, mixing plausible values with hostile ones (NUL characters,
 * lone surrogates, huge and fractional numbers, years 0 and +275760, deep JSON, long strings). No
 * answer may be a 500 (or a GraphQL INTERNAL_SERVER_ERROR) and none may take longer than the
 * gateway's request deadline.
 * The seed is fixed (FUZZ_SEED overrides it); on failure fast-check prints the seed, the path and
 * the shrunk counterexample.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const ENV = { REQUEST_TIMEOUT_MS: "5000" };
/** The gateway's own request deadline (REQUEST_TIMEOUT_MS, lowered here): no answer may take longer. */
const BOUND_MS = loadConfig(ENV).database.requestTimeoutMs;

const VENDORS = ["TEAMWIRE", "ROCKETCHAT", "TABNINE"] as const;
const HOSTILE_STRINGS = [
  "",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "2025-02-30T00:00:00Z",
  "1e308",
  "-1",
  "NaN",
  "__proto__",
  "constructor",
  "%00",
  "'; SELECT pg_sleep(10); --",
  "😀".repeat(300),
  "x".repeat(20_000),
];
const HUGE_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 0.5, -0, 1e-300];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")), // cursor-like
);
const hostileNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...HUGE_NUMBERS));
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileString, { maxLength: 3 }),
);
/** A plausible value of the variable, or anything at all. */
const either = <T>(plausible: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: anyValue }), { nil: undefined });

const instant = fc
  .date({ min: new Date("1969-06-01T00:00:00Z"), max: new Date("2026-06-01T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());
const resolution = fc.constantFrom("HOUR", "DAY", "WEEK", "MONTH");
// Every zone Node knows, names ICU accepts that PostgreSQL may not, abbreviations PostgreSQL reads
// as fixed offsets, and zones not whole hours from UTC.
const timeZone = fc.oneof(
  fc.constantFrom(...Intl.supportedValuesOf("timeZone")),
  fc.constantFrom("US/Pacific-New", "Canada/East-Saskatchewan", "CET", "EST5EDT", "Etc/GMT+5", "Asia/Kolkata", "Australia/Eucla", "+02:00"),
);
const vendor = fc.constantFrom(...VENDORS);
const metrics = fc.uniqueArray(fc.constantFrom(...USAGE_METRICS), { maxLength: 4 });
const regex = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("^6\\.", "(a+)+", "(.*)\\1", "[", "a{1,1000}", "(?i)x", "\\d+ +"));
const mongoFilter: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  filter: fc.oneof(
    { depthSize: "small" },
    fc.record({
      version: fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.record({ $regex: regex, $options: fc.option(fc.constantFrom("i", "x", "ms", "g"), { nil: undefined }) }),
      ),
    }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("totalUsers", "os.type", "$where", "a..b", "$expr")),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 2 },
    ),
    fc.record({ $or: fc.array(tie("filter"), { maxLength: 3 }) }),
    fc.record({ $and: fc.array(tie("filter"), { maxLength: 3 }) }),
  ),
})).filter;
const mongoSort = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("createdAt", "totalUsers", "os.type")),
  fc.oneof(fc.constantFrom(1, -1), anyValue),
  { maxKeys: 3 },
);

interface Case {
  readonly name: string;
  readonly document: TypedDocumentNode<unknown, Record<string, unknown>>;
  readonly variables: fc.Arbitrary<Record<string, unknown>>;
}

const graphqlCases = (ids: { org: string; team: string; user: string }): Case[] => {
  const id = either(fc.constantFrom(ids.org, ids.team, ids.user, "00000000-0000-4000-8000-000000000000"));
  return [
    {
      name: "usage",
      document: OrganizationUsageDocument as TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: fc.record({
        id,
        from: either(instant),
        to: either(instant),
        resolution: either(resolution),
        vendor: either(vendor),
        metrics: either(metrics),
      }),
    },
    {
      name: "usage on a local calendar",
      document: TimeZoneOrganizationUsageDocument as TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: fc.record({
        from: either(instant),
        to: either(instant),
        resolution: either(resolution),
        vendor: either(vendor),
        timeZone: either(timeZone),
      }),
    },
    {
      name: "active users on a local calendar",
      document: TimeZoneActiveUsersDocument as TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: fc.record({
        year: either(fc.integer({ min: 1960, max: 10_010 })),
        month: either(fc.integer({ min: -1, max: 13 })),
        timeZone: either(timeZone),
      }),
    },
    {
      name: "users",
      document: OrganizationUsersDocument,
      variables: fc.record({
        first: either(fc.integer({ min: -5, max: 600 })),
        after: either(hostileString),
        filter: either(
          fc.record(
            {
              roles: fc.array(fc.constantFrom("SUPERADMIN", "ADMIN", "TEAM_ADMIN", "MEMBER"), { maxLength: 2 }),
              statuses: fc.array(fc.constantFrom("REGISTERED", "PENDING", "DEACTIVATED"), { maxLength: 2 }),
              teamAssigned: fc.boolean(),
              vendor,
            },
            { requiredKeys: [] },
          ),
        ),
      }),
    },
    {
      name: "statistics history",
      document: SnapshotHistoryDocument,
      variables: fc.record({
        id,
        first: either(fc.integer({ min: -1, max: 600 })),
        after: either(hostileString),
        offset: either(fc.integer({ min: -1, max: 2 ** 31 })),
        filter: either(mongoFilter),
        sort: either(mongoSort),
        oldestFirst: either(fc.boolean()),
      }),
    },
    {
      name: "statistics",
      document: OrganizationStatisticsDocument as TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: fc.record({
        year: either(fc.integer({ min: 1960, max: 10_000 })),
        month: either(fc.integer({ min: -1, max: 13 })),
        vendor: either(vendor),
        discriminator: either(fc.constantFrom("OS", "CLIENT", "IS_MANAGED", "LOCALE")),
        os: either(fc.string({ maxLength: 20 })),
        client: either(fc.string({ maxLength: 20 })),
        startMonth: either(fc.constantFrom("2025-01", "2025-13", "0000-01", "+275760-01")),
      }),
    },
    {
      name: "daily active users",
      document: DailyActiveUsersDocument as TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: fc.record({ id, from: either(instant), to: either(instant), vendor: either(vendor) }),
    },
    {
      name: "team",
      document: TeamDetailDocument as TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: fc.record({ id, from: either(instant), to: either(instant), resolution: either(resolution), metrics: either(metrics) }),
    },
    {
      name: "user",
      document: UserEmailDocument as TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: fc.record({ id }),
    },
  ];
};

/** Percent-encodes `value` as UTF-8 (a lone surrogate becomes U+FFFD, as a browser would send it). */
const encode = (value: string) => encodeURIComponent(Buffer.from(value).toString());

/** A query-string value: plausible for the parameter, or hostile, sometimes percent-encoded raw bytes. */
const param = (plausible: fc.Arbitrary<string>) =>
  fc.option(
    fc.oneof(
      { weight: 3, arbitrary: plausible.map(encode) },
      { weight: 2, arbitrary: fc.oneof(hostileString, hostileNumber.map(String)).map(encode) },
      { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%C0%AF", "%FF", "a[b]=c", "x&y=z", "[]", "%5B%5D") },
    ),
    { nil: undefined },
  );
const queryString = (params: Record<string, fc.Arbitrary<string>>) =>
  fc.record(Object.fromEntries(Object.entries(params).map(([name, plausible]) => [name, param(plausible)]))).map((values) =>
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value}`)
      .join("&"),
  );
const day = instant.map((value) => value.slice(0, 10));
const integerText = fc.integer({ min: -2, max: 3_000 }).map(String);

const vendorRoutes = (ids: { org: string; team: string; tabnineUser: string }) =>
  fc.oneof(
    queryString({
      query: fc.oneof(
        mongoFilter.map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 20 }),
      ),
      sort: mongoSort.map((value) => JSON.stringify(value)),
      fields: fc.constantFrom('{"version":1}', '{"os":0}', "{", "[]"),
      count: integerText,
      offset: integerText,
    }).map((query) => `/api/v1/statistics.list?${query}`),
    queryString({ refresh: fc.constantFrom("true", "false", "1") }).map((query) => `/api/v1/statistics?${query}`),
    queryString({ start: fc.oneof(instant, day), end: fc.oneof(instant, day) }).map(
      (query) => `/api/v1/engagement-dashboard/users/active-users?${query}`,
    ),
    queryString({
      organizationId: fc.constantFrom(ids.org, "x"),
      from: fc.oneof(instant, day),
      to: fc.oneof(instant, day),
      granularity: fc.constantFrom("all", "daily", "weekly", "monthly", "hourly"),
    }).map((query) => `/api/v1/organization/usage?${query}`),
    queryString({
      organizationId: fc.constantFrom(ids.org),
      teamId: fc.constantFrom(ids.team, "x"),
      from: day,
      to: day,
      granularity: fc.constantFrom("all", "daily"),
    }).map((query) => `/api/v1/team/usage?${query}`),
    queryString({
      organizationId: fc.constantFrom(ids.org),
      userId: fc.constantFrom(ids.tabnineUser, "x"),
      from: day,
      to: day,
      granularity: fc.constantFrom("all", "weekly"),
    }).map((query) => `/api/v1/user/usage?${query}`),
    queryString({
      offset: integerText,
      limit: integerText,
      teamMember: fc.constantFrom("true", "false"),
      active: fc.constantFrom("true", "false"),
    }).map((query) => `/api/v1/organization/users?${query}`),
    queryString({ startDate: fc.constantFrom("2025-01", "2025-13", "0000-01") }).map(
      (query) => `/api/v1/organization/account-utilizations?${query}`,
    ),
    fc
      .tuple(fc.oneof(fc.constant(ids.team), hostileString.map(encode)), queryString({ offset: integerText, limit: integerText }))
      .map(([team, query]) => `/api/v1/team/${team}/users?${query}`),
    queryString({ role: fc.constantFrom("Admin", "Member", "x") }).map((query) => `/api/v1/instance/permissions?${query}`),
    fc
      .tuple(
        fc.constantFrom("active_users", "activated_connectors", "sent_messages"),
        queryString({ year: integerText, month: integerText }),
      )
      .map(([series, query]) => `/v1/admin/stats/${series}/?${query}`),
    fc
      .tuple(
        fc.constantFrom("os", "client", "is_managed", "locale", "x"),
        queryString({ os: fc.constantFrom("iOS", "Android"), client: fc.string({ maxLength: 8 }) }),
      )
      .map(([discriminator, query]) => `/v1/admin/stats/device/${discriminator}/?${query}`),
    queryString({ x: fc.string({ maxLength: 4 }) }).map((query) => `/v1/admin/stats/last_usages/?${query}`),
  );

describe.each(STORE_KINDS)("fuzzed input on %s", (kind) => {
  let server: GraphQLTestServer;
  let admin: string;
  let rocketChat: Record<string, string>;
  let ids: { org: string; team: string; user: string; tabnineUser: string };

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind, { env: ENV });
    const prisma = server.store.db.prisma;
    admin = await server.tokenFor("admin@nordhafen.test");
    rocketChat = await rocketChatHeaders(prisma, "admin@nordhafen.test");
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } });
    const team = await prisma.team.findFirstOrThrow({ where: { organizationId: org.id }, orderBy: { name: "asc" } });
    const user = await prisma.user.findFirstOrThrow({ where: { organizationId: org.id, role: "MEMBER" }, orderBy: { email: "asc" } });
    const tabnine = await prisma.identity.findFirstOrThrow({
      where: { organizationId: org.id, vendor: "TABNINE" },
      orderBy: { externalId: "asc" },
    });
    ids = { org: org.id, team: team.id, user: user.id, tabnineUser: tabnine.externalId };
  }, 120_000);
  afterAll(() => server?.close());

  /** Sends the request and returns what went wrong with its answer, if anything. */
  async function problemOf(send: (signal: AbortSignal) => Promise<Response>, internal: (text: string) => boolean): Promise<string | null> {
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await send(AbortSignal.timeout(2 * BOUND_MS));
      text = await response.text();
    } catch (error) {
      if ((error as Error).name === "TimeoutError") return `no answer within ${2 * BOUND_MS} ms`;
      throw error;
    }
    const elapsed = performance.now() - started;
    if (response.status >= 500) return `status ${response.status}: ${text.slice(0, 300)}`;
    if (internal(text)) return `internal error: ${text.slice(0, 300)}`;
    if (elapsed > BOUND_MS) return `took ${elapsed.toFixed(0)} ms`;
    return null;
  }

  it("GraphQL variables of the main operations never get a 500 or a slow answer", { timeout: 300_000 }, async () => {
    const cases = graphqlCases(ids);
    const request = fc.oneof(...cases.map((c) => c.variables.map((variables) => ({ name: c.name, query: print(c.document), variables }))));
    await fc.assert(
      fc.asyncProperty(request, async ({ query, variables }) => {
        const problem = await problemOf(
          (signal) =>
            fetch(`${server.url}/graphql`, {
              signal,
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
              body: JSON.stringify({ query, variables }),
            }),
          (text) => {
            const body = JSON.parse(text) as ExecutionResult;
            return (body.errors ?? []).some((error) => error.extensions?.code === "INTERNAL_SERVER_ERROR");
          },
        );
        expect(problem).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(
    "vendor query strings of Rocket.Chat, Tabnine and Teamwire routes never get a 500 or a slow answer",
    { timeout: 300_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(vendorRoutes(ids), async (path) => {
          const headers =
            path.startsWith("/api/v1/statistics") || path.startsWith("/api/v1/engagement")
              ? rocketChat
              : { authorization: `Bearer ${admin}` };
          const problem = await problemOf(
            (signal) => fetch(`${server.url}${path}`, { headers, signal }),
            (text) => /INTERNAL_SERVER_ERROR|Internal server error/i.test(text),
          );
          expect(problem).toBeNull();
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
  );
});
