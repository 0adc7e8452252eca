import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EqTabnineAccountUtilizationDocument,
  EqTabnineLicenseDocument,
  EqTabnineOrganizationDocument,
  EqTabnineOrganizationUsageDocument,
  EqTabnineTeamDocument,
  EqTabnineTeamsDocument,
  EqTabnineTeamUsageDocument,
  EqTabnineUserDocument,
  EqTabnineUsersDocument,
  EqTabnineUserUsageDocument,
  type EqTabnineAccountFragment,
  type EqUsageSeriesFragment,
  type Resolution,
  type UsageMetric,
  type UserFilterInput,
} from "../__generated__/graphql.js";
import { expectSameShape, fixture } from "../helpers/contract.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { expectOk, expectReply, restRequest, type RestRequest, type RestResponse } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";
import { metricsReportedBy } from "../../src/usage/usage.metrics.js";

// Tabnine Usage Metrics API through the gateway (docs/vendors/tabnine.md §3). Seed: TEST_SEED (three
// organizations, all with Tabnine; history ends 2025-03-05). Tabnine user ids are the users'
// TABNINE Identity.externalId, team ids Team.id, organization ids Organization.id.

const BAD_REQUEST = { error: "BAD_REQUEST", message: "Invalid or missing parameters.", status: 400 };
const UNAUTHORIZED = { error: "UNAUTHORIZED", message: "Invalid token.", status: 401 };
const FORBIDDEN = { error: "FORBIDDEN", message: "User lacks permission.", status: 403 };
const NOT_FOUND = { error: "NOT_FOUND", message: "Resource not found.", status: 404 };
const NO_TRACE = /(\bat \S+ \(|Error:|node_modules|\/src\/)/;

const ALL_METRICS: UsageMetric[] = metricsReportedBy("TABNINE");
const GRANULARITIES: [string, string, Resolution][] = [
  ["daily", "daily", "DAY"],
  ["weekly", "weekly", "WEEK"],
  ["monthly", "monthly", "MONTH"],
  ["all", "all", "DAY"],
  ["day", "daily", "DAY"],
  ["week", "weekly", "WEEK"],
  ["month", "monthly", "MONTH"],
];

type Block = Record<string, unknown> & { codeCompletions: Record<string, number>; chat: Record<string, number> };
type Usage = { organizationId: string; from: string; to: string; usage: { granularity: string; data: Block[] } } & Record<string, unknown>;
type UserList = { data: { id: string; email: string }[]; meta: { count: number; total: number; next?: { limit: number; offset: number } } };

/** TnUsageBlock from GraphQL values (§3.0.4 / §4.5 metric mapping); ratios only where asked. */
function expectedBlock(from: string, to: string, values: readonly { metric: UsageMetric; value: number }[], ratios: boolean): Block {
  const v = (metric: UsageMetric) => values.find((value) => value.metric === metric)?.value ?? 0;
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    activeUsers: v("ACTIVE_USERS"),
    ...(ratios ? { productivityFactor: v("PRODUCTIVITY_FACTOR") } : {}),
    codeCompletions: {
      activeUsers: v("COMPLETION_ACTIVE_USERS"),
      completions: v("CODE_COMPLETIONS"),
      charsCompleted: v("COMPLETION_CHARS"),
      keystrokes: v("KEYSTROKES"),
      lines: v("COMPLETION_LINES"),
      automationFactor: v("AUTOMATION_FACTOR"),
    },
    chat: {
      activeUsers: v("CHAT_ACTIVE_USERS"),
      interactions: v("CHAT_INTERACTIONS"),
      usefulChatInteractions: v("USEFUL_CHAT_INTERACTIONS"),
      lines: v("CHAT_LINES"),
      charsCompleted: v("CHAT_CHARS"),
      ...(ratios ? { chatConsumptionRate: v("CHAT_CONSUMPTION_RATE") } : {}),
    },
  };
}

/** The `usage.data` a GraphQL series maps to: `all` is one block of the range's totals. */
function expectedData(series: EqUsageSeriesFragment, granularity: string, from: string, to: string, ratios: boolean): Block[] {
  return granularity === "all"
    ? [expectedBlock(from, to, series.totals, ratios)]
    : series.points.map((point) => expectedBlock(point.from, point.to, point.values, ratios));
}

const tabnineUser = (user: EqTabnineAccountFragment) => ({
  id: user.identities[0]!.externalId,
  username: user.username,
  email: user.email,
  role: user.identities[0]!.vendorRole,
  verified: user.verified,
  deactivatedAt: user.deactivatedAt && new Date(user.deactivatedAt).toISOString(),
  updatedAt: user.updatedAt && new Date(user.updatedAt).toISOString(),
});

describe.each(STORE_KINDS)("Tabnine REST adapter on %s", (kind) => {
  let server: GraphQLTestServer;
  let admin: string; // admin@nordhafen.test (organization 1)
  let superadmin: string; // superadmin@demo.test (organization 1)
  let teamLead: string; // TEAM_ADMIN of organization 1, of `leadTeam`
  let member: string;
  let orgId: string;
  let otherOrgId: string;
  let teamId: string; // a team of organization 1 with users
  let leadTeam: string;
  let otherTeamSameOrg: string;
  let otherOrgTeam: string;
  let userId: string; // Tabnine id of a user of organization 1 in a team
  let teamlessUserId: string;
  let otherOrgUserId: string;

  const get = <T>(path: string, request: RestRequest = {}): Promise<RestResponse<T>> => restRequest<T>(server.url, path, request);
  const range = (from: string, to: string, granularity: string) => `from=${from}&to=${to}&granularity=${granularity}`;
  const JAN_APR = range("2025-01-01T00:00:00.000Z", "2025-04-01T00:00:00.000Z", "all");
  /** One valid request per endpoint (3.1–3.13), for organization 1. */
  const endpoints = () => [
    "/api/v1/organization",
    "/api/v1/organization/teams",
    "/api/v1/organization/account-utilizations",
    `/api/v1/organization/usage?organizationId=${orgId}&${JAN_APR}`,
    "/api/v1/organization/users?offset=0&limit=0&teamMember=true&active=true",
    "/api/v1/license",
    "/api/v1/instance/permissions?role=Admin",
    `/api/v1/team/${teamId}/users?offset=0&limit=0`,
    `/api/v1/team/account-utilizations?teamId=${teamId}`,
    `/api/v1/team/${teamId}`,
    `/api/v1/team/usage?organizationId=${orgId}&teamId=${teamId}&${JAN_APR}`,
    `/api/v1/user/${userId}`,
    `/api/v1/user/usage?organizationId=${orgId}&userId=${userId}&${JAN_APR}`,
  ];
  /** The team-level endpoints 3.8–3.11 for team `id`. */
  const teamEndpoints = (id: string, organizationId = orgId) => [
    `/api/v1/team/${id}/users?offset=0&limit=0`,
    `/api/v1/team/account-utilizations?teamId=${id}`,
    `/api/v1/team/${id}`,
    `/api/v1/team/usage?organizationId=${organizationId}&teamId=${id}&${JAN_APR}`,
  ];

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const prisma = server.store.db.prisma;
    const [org1, org2] = await Promise.all(
      ["nordhafen", "bergwerk"].map((slug) => prisma.organization.findUniqueOrThrow({ where: { slug } })),
    );
    orgId = org1!.id;
    otherOrgId = org2!.id;
    const lead = await prisma.user.findFirstOrThrow({ where: { organizationId: orgId, role: "TEAM_ADMIN" } });
    leadTeam = lead.teamId!;
    teamId = (
      await prisma.team.findFirstOrThrow({
        where: { organizationId: orgId, isDefault: false, users: { some: { identities: { some: { vendor: "TABNINE" } } } } },
        orderBy: { name: "asc" },
      })
    ).id;
    otherTeamSameOrg = (await prisma.team.findFirstOrThrow({ where: { organizationId: orgId, id: { not: leadTeam } } })).id;
    otherOrgTeam = (await prisma.team.findFirstOrThrow({ where: { organizationId: otherOrgId, isDefault: false } })).id;
    const identity = (where: object) =>
      prisma.identity.findFirstOrThrow({ where: { vendor: "TABNINE", ...where }, orderBy: { externalId: "asc" } });
    userId = (await identity({ organizationId: orgId, user: { teamId, role: "MEMBER" } })).externalId;
    teamlessUserId = (await identity({ organizationId: orgId, user: { teamId: null } })).externalId;
    otherOrgUserId = (await identity({ organizationId: otherOrgId })).externalId;
    const memberUser = await prisma.user.findFirstOrThrow({ where: { organizationId: orgId, role: "MEMBER", status: "REGISTERED" } });
    [admin, superadmin, teamLead, member] = (await Promise.all(
      ["admin@nordhafen.test", "superadmin@demo.test", lead.email, memberUser.email].map((email) => server.tokenFor(email)),
    )) as [string, string, string, string];
  });
  afterAll(() => server?.close());

  describe("contract: the documented examples of §3.1–3.13", () => {
    it("3.1 organization (publicKey only when the organization has one)", async () => {
      const body = expectOk(await get(`/api/v1/organization`, { token: admin }));
      expectSameShape(body, fixture("tabnine", "organization"), { optional: ["publicKey"] });
      expect(body).not.toHaveProperty("publicKey"); // the seed has none
      const prisma = server.store.db.prisma;
      const publicKey = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg...IDAQAB\n-----END PUBLIC KEY-----\n";
      await prisma.organization.update({ where: { id: orgId }, data: { publicKey } });
      try {
        const withKey = expectOk(await get(`/api/v1/organization`, { token: admin }));
        expectSameShape(withKey, fixture("tabnine", "organization"));
        expect(withKey).toMatchObject({ publicKey, id: orgId, name: "Nordhafen Logistik", planType: "Enterprise" });
      } finally {
        await prisma.organization.update({ where: { id: orgId }, data: { publicKey: null } });
      }
    });

    it("3.2 teams, 3.8 team users, 3.9 team utilization, 3.10 team", async () => {
      const teams = expectOk(await get<{ data: { id: string }[] }>(`/api/v1/organization/teams`, { token: admin }));
      expectSameShape(teams, fixture("tabnine", "teams"));
      const created = await server.store.db.prisma.team.findMany({
        where: { organizationId: orgId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      expect(teams.data.map((team) => team.id)).toEqual(created.map((team) => team.id)); // creation order, as Tabnine's example
      expectSameShape(expectOk(await get(`/api/v1/team/${teamId}/users?offset=0&limit=2`, { token: admin })), fixture("tabnine", "users"), {
        nullable: { "data[].deactivatedAt": "string", "data[].updatedAt": "string" },
      });
      expectSameShape(
        expectOk(await get(`/api/v1/team/account-utilizations?teamId=${teamId}`, { token: admin })),
        fixture("tabnine", "team-utilization"),
      );
      expectSameShape(expectOk(await get(`/api/v1/team/${teamId}`, { token: admin })), fixture("tabnine", "team"));
    });

    it("3.3 account utilizations: zero-based months from startDate through the current month", async () => {
      const body = expectOk(
        await get<{ year: number; month: number }[]>(`/api/v1/organization/account-utilizations?startDate=2025-01`, { token: admin }),
      );
      expectSameShape(body, fixture("tabnine", "account-utilizations"));
      const now = new Date();
      const months = (now.getUTCFullYear() - 2025) * 12 + now.getUTCMonth() + 1;
      expect(body.map((m) => [m.year, m.month])).toEqual(Array.from({ length: months }, (_, i) => [2025 + Math.floor(i / 12), i % 12]));
      const defaults = expectOk(
        await get<{ year: number; month: number }[]>(`/api/v1/organization/account-utilizations`, { token: admin }),
      );
      expect(defaults).toHaveLength(12);
      expect(defaults.at(-1)).toMatchObject({ year: now.getUTCFullYear(), month: now.getUTCMonth() });
    });

    it("3.4 organization usage", async () => {
      const body = expectOk(
        await get<Usage>(
          `/api/v1/organization/usage?organizationId=${orgId}&${range("2025-02-24T00:00:00.000Z", "2025-02-26T00:00:00.000Z", "daily")}`,
          { token: admin },
        ),
      );
      expectSameShape(body, fixture("tabnine", "organization-usage"));
      expect(body.usage.data.map((block) => block.from)).toEqual(["2025-02-24T00:00:00.000Z", "2025-02-25T00:00:00.000Z"]);
      expect(body.usage.data.every((block) => (block.activeUsers as number) > 0)).toBe(true);
    });

    it("3.5 organization users (with meta.next) and 3.7 permissions", async () => {
      const users = expectOk(
        await get<UserList>(`/api/v1/organization/users?offset=0&limit=2&teamMember=true&active=true`, { token: admin }),
      );
      expectSameShape(users, fixture("tabnine", "users"), { nullable: { "data[].deactivatedAt": "string", "data[].updatedAt": "string" } });
      expect(users.meta.next).toEqual({ limit: 2, offset: 2 });
      const admins = expectOk(await get(`/api/v1/instance/permissions?role=Admin`, { token: admin }));
      expectSameShape(admins, fixture("tabnine", "permissions"));
      expect(admins).toEqual([
        { username: "admin@nordhafen.test", organizationId: orgId },
        { username: "superadmin@demo.test", organizationId: orgId },
      ]);
    });

    it("3.6 license, keys in the vendor example's order (exp, seats, seatsCap, audience, features, settings, iat)", async () => {
      const body = expectOk(await get(`/api/v1/license`, { token: admin }));
      expectSameShape(body, fixture("tabnine", "license"), { freeForm: ["license.settings"] });
    });

    it("3.11 team usage and 3.13 user usage", async () => {
      const team = expectOk(await get<Usage>(`/api/v1/team/usage?organizationId=${orgId}&teamId=${teamId}&${JAN_APR}`, { token: admin }));
      expectSameShape(team, fixture("tabnine", "team-usage"));
      expect(team).toMatchObject({
        organizationId: orgId,
        teamId,
        from: "2025-01-01T00:00:00.000Z",
        to: "2025-04-01T00:00:00.000Z",
        usage: { granularity: "all" },
      });
      expect(team.usage.data).toHaveLength(1);
      expect(team.usage.data[0]!.activeUsers).toBeGreaterThan(0);

      const user = expectOk(
        await get<Usage>(
          `/api/v1/user/usage?organizationId=${orgId}&userId=${userId}&${range("2025-02-01T00:00:00.000Z", "2025-04-01T00:00:00.000Z", "monthly")}`,
          { token: admin },
        ),
      );
      expectSameShape(user, fixture("tabnine", "user-usage"));
      expect(user.usage.data.map((block) => [block.from, block.to])).toEqual([
        ["2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z"],
        ["2025-03-01T00:00:00.000Z", "2025-04-01T00:00:00.000Z"],
      ]);
      // a single user is active 0 or 1 times per bucket
      expect(user.usage.data.every((block) => block.activeUsers === 0 || block.activeUsers === 1)).toBe(true);
    });

    it("3.12 user: mixed casing, teams a single object ({} without a team)", async () => {
      expectSameShape(expectOk(await get(`/api/v1/user/${userId}`, { token: admin })), fixture("tabnine", "user"));
      const teamless = expectOk(await get<{ teams: object }>(`/api/v1/user/${teamlessUserId}`, { token: admin }));
      expectSameShape(teamless, fixture("tabnine", "user"), { optional: ["teams.team_id", "teams.team_name"] });
      expect(teamless.teams).toEqual({});
    });

    it("error bodies have the documented shape {error, message, status}", async () => {
      const response = await get(`/api/v1/organization`);
      expectSameShape(response.body, fixture("tabnine", "error"));
      expectReply(response, 401, fixture("tabnine", "error"));
    });
  });

  describe("equivalence: REST answers equal the GraphQL answers on the same data", () => {
    it("3.1 organization and 3.2 teams", async () => {
      const { organization: o } = expectNoErrors(await server.request(EqTabnineOrganizationDocument, {}, admin));
      expect(expectOk(await get(`/api/v1/organization`, { token: admin }))).toEqual({
        samlEnabled: o!.samlEnabled,
        smtpConfigured: o!.smtpConfigured,
        usernamePasswordEnabled: o!.usernamePasswordEnabled,
        name: o!.name,
        domains: o!.domains,
        planType: o!.plan,
        id: o!.id,
      });
      const { organization } = expectNoErrors(await server.request(EqTabnineTeamsDocument, {}, admin));
      expect(expectOk(await get(`/api/v1/organization/teams`, { token: admin }))).toEqual({
        data: organization!.teams.nodes.map((t) => ({
          id: t.id,
          name: t.name,
          usersCount: t.users.totalCount,
          isDefaultTeam: t.isDefault,
        })),
        meta: { count: organization!.teams.totalCount, total: organization!.teams.totalCount },
      });
    });

    it("3.3 account utilizations: wire month = GraphQL month − 1", async () => {
      for (const startDate of [null, "2025-01", "2024-11"]) {
        const { organization } = expectNoErrors(
          await server.request(EqTabnineAccountUtilizationDocument, { startMonth: startDate }, admin),
        );
        const rest = expectOk(
          await get(`/api/v1/organization/account-utilizations${startDate ? `?startDate=${startDate}` : ""}`, { token: admin }),
        );
        expect(rest, String(startDate)).toEqual(organization!.accountUtilization.map((m) => ({ ...m, month: m.month - 1 })));
        expect(organization!.accountUtilization.some((m) => m.registered > 0) || startDate === null).toBe(true);
      }
    });

    it("3.4 organization usage for every granularity (and alias) = organization.usage", async () => {
      const ranges = [
        ["2025-02-01T00:00:00.000Z", "2025-03-05T00:00:00.000Z"],
        ["2025-01-15T12:00:00.000Z", "2025-03-02T00:00:00.000Z"],
      ];
      for (const [from, to] of ranges) {
        for (const [granularity, canonical, resolution] of GRANULARITIES) {
          const rest = expectOk(
            await get<Usage>(`/api/v1/organization/usage?organizationId=${orgId}&${range(from!, to!, granularity)}`, { token: admin }),
          );
          const { organization } = expectNoErrors(
            await server.request(EqTabnineOrganizationUsageDocument, { from: from!, to: to!, resolution, metrics: ALL_METRICS }, admin),
          );
          expect(rest, `${granularity} ${from}`).toEqual({
            organizationId: organization!.id,
            from: from!,
            to: to!,
            usage: { granularity: canonical, data: expectedData(organization!.usage, canonical, from!, to!, true) },
          });
        }
      }
      // distinct users are not summed: the `all` block counts people once
      const all = expectOk(
        await get<Usage>(
          `/api/v1/organization/usage?organizationId=${orgId}&${range("2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z", "all")}`,
          { token: admin },
        ),
      );
      const daily = expectOk(
        await get<Usage>(
          `/api/v1/organization/usage?organizationId=${orgId}&${range("2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z", "daily")}`,
          { token: admin },
        ),
      );
      const sumOfDays = daily.usage.data.reduce((sum, block) => sum + (block.activeUsers as number), 0);
      expect(all.usage.data[0]!.activeUsers).toBeLessThan(sumOfDays);
      expect(daily.usage.data).toHaveLength(28);
    });

    it("3.5 organization users for teamMember × active = organization.users(filter)", async () => {
      for (const teamMember of [true, false]) {
        for (const active of [true, false]) {
          const filter: UserFilterInput = {
            vendor: "TABNINE",
            teamAssigned: teamMember,
            statuses: [active ? "REGISTERED" : "DEACTIVATED"],
          };
          const { organization } = expectNoErrors(await server.request(EqTabnineUsersDocument, { filter }, admin));
          const rest = expectOk(
            await get(`/api/v1/organization/users?offset=0&limit=0&teamMember=${teamMember}&active=${active}`, { token: admin }),
          );
          const users = organization!.users;
          expect(rest, `${teamMember} ${active}`).toEqual({
            data: users.nodes.map(tabnineUser),
            meta: { count: users.totalCount, total: users.totalCount },
          });
        }
      }
    });

    it("3.6 license = organization.licenses(TABNINE), dates as Unix seconds", async () => {
      const { organization } = expectNoErrors(await server.request(EqTabnineLicenseDocument, {}, admin));
      const l = organization!.licenses[0]!;
      const seconds = (iso: string | null) => Math.floor(new Date(iso!).getTime() / 1000);
      expect(expectOk(await get(`/api/v1/license`, { token: admin }))).toEqual({
        license: {
          exp: seconds(l.expiresAt),
          seats: l.seats,
          seatsCap: l.seatsCap,
          audience: l.audience,
          features: l.features,
          settings: l.settings,
          iat: seconds(l.issuedAt),
        },
      });
    });

    it("3.7 permissions per role = organization.users(filter: { vendorRole })", async () => {
      for (const role of ["Admin", "Manager", "TeamLead", "Member", "admin", "Nope"]) {
        const { organization } = expectNoErrors(
          await server.request(EqTabnineUsersDocument, { filter: { vendor: "TABNINE", vendorRole: role } }, admin),
        );
        const rest = expectOk(await get(`/api/v1/instance/permissions?role=${role}`, { token: admin }));
        expect(rest, role).toEqual(organization!.users.nodes.map((user) => ({ username: user.username, organizationId: orgId })));
      }
      expect(expectOk(await get(`/api/v1/instance/permissions?role=Nope`, { token: admin }))).toEqual([]);
    });

    it("3.8–3.10 every team of the organization = team(id)", async () => {
      const teams = await server.store.db.prisma.team.findMany({ where: { organizationId: orgId } });
      for (const team of teams) {
        const { team: t } = expectNoErrors(await server.request(EqTabnineTeamDocument, { id: team.id }, admin));
        expect(expectOk(await get(`/api/v1/team/${team.id}`, { token: admin }))).toEqual({ id: t!.id, name: t!.name });
        expect(expectOk(await get(`/api/v1/team/account-utilizations?teamId=${team.id}`, { token: admin }))).toEqual({
          registered: t!.registered.totalCount,
          deactivated: t!.deactivated.totalCount,
          invited: t!.invited.totalCount,
        });
        expect(expectOk(await get(`/api/v1/team/${team.id}/users?offset=0&limit=0`, { token: admin }))).toEqual({
          data: t!.users.nodes.map(tabnineUser),
          meta: { count: t!.users.totalCount, total: t!.users.totalCount },
        });
      }
    });

    it("3.11 team usage and 3.13 user usage = team.usage / userByIdentity.usage", async () => {
      const [from, to] = ["2025-01-20T00:00:00.000Z", "2025-03-05T00:00:00.000Z"];
      for (const [granularity, canonical, resolution] of GRANULARITIES) {
        const team = expectOk(
          await get<Usage>(`/api/v1/team/usage?organizationId=${orgId}&teamId=${teamId}&${range(from, to, granularity)}`, { token: admin }),
        );
        const { team: t } = expectNoErrors(
          await server.request(EqTabnineTeamUsageDocument, { id: teamId, from, to, resolution, metrics: ALL_METRICS }, admin),
        );
        expect(team, granularity).toEqual({
          organizationId: orgId,
          teamId,
          from,
          to,
          usage: { granularity: canonical, data: expectedData(t!.usage, canonical, from, to, true) },
        });
        const user = expectOk(
          await get<Usage>(`/api/v1/user/usage?organizationId=${orgId}&userId=${userId}&${range(from, to, granularity)}`, { token: admin }),
        );
        const { userByIdentity: u } = expectNoErrors(
          await server.request(EqTabnineUserUsageDocument, { externalId: userId, from, to, resolution, metrics: ALL_METRICS }, admin),
        );
        expect(user, granularity).toEqual({
          organizationId: orgId,
          userId,
          from,
          to,
          usage: { granularity: canonical, data: expectedData(u!.usage, canonical, from, to, true) },
        });
      }
    });

    it("3.12 user = userByIdentity(TABNINE)", async () => {
      for (const id of [userId, teamlessUserId]) {
        const { userByIdentity: u } = expectNoErrors(await server.request(EqTabnineUserDocument, { externalId: id }, admin));
        expect(expectOk(await get(`/api/v1/user/${id}`, { token: admin }))).toEqual({
          user: {
            organization_id: u!.organization.id,
            user_id: u!.identities[0]!.externalId,
            email: u!.email,
            role: u!.identities[0]!.vendorRole,
            createdAt: new Date(u!.createdAt).toISOString(),
            updatedAt: new Date(u!.updatedAt).toISOString(),
          },
          teams: u!.team ? { team_id: u!.team.id, team_name: u!.team.name } : {},
        });
      }
    });
  });

  describe("auth: 401 and 403", () => {
    it("401 without a header, with a garbage, malformed or expired token, on every endpoint", async () => {
      const expired = await server.tokenFor("admin@nordhafen.test", -3600);
      for (const path of endpoints()) {
        expectReply(await get(path), 401, UNAUTHORIZED, path);
        expectReply(await get(path, { token: "garbage" }), 401, UNAUTHORIZED, path);
        expectReply(await get(path, { token: expired }), 401, UNAUTHORIZED, path);
        expectReply(
          await get(path, { headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` } }),
          401,
          UNAUTHORIZED,
          path,
        );
        expectReply(await get(path, { headers: { authorization: "Bearer" } }), 401, UNAUTHORIZED, path);
      }
    });

    it("403 for a MEMBER and a TEAM_ADMIN on every endpoint, its own team's included (Admins only, §3.0.2)", async () => {
      for (const path of endpoints()) expectReply(await get(path, { token: member }), 403, FORBIDDEN, path);
      for (const path of [...endpoints(), ...teamEndpoints(leadTeam), ...teamEndpoints(otherTeamSameOrg), ...teamEndpoints(otherOrgTeam)])
        expectReply(await get(path, { token: teamLead }), 403, FORBIDDEN, path);
      for (const path of teamEndpoints(leadTeam)) expectOk(await get(path, { token: admin }), path);
    });
  });

  describe("tenancy: another organization's data is never readable", () => {
    it("another organization's team: 404 on 3.8–3.10 (no 403 documented), 403 on 3.11; unknown team 404", async () => {
      for (const token of [admin, superadmin]) {
        const [users, utilization, team, usage] = teamEndpoints(otherOrgTeam);
        for (const path of [users!, utilization!, team!]) expectReply(await get(path, { token }), 404, NOT_FOUND, path);
        expectReply(await get(usage!, { token }), 403, FORBIDDEN, usage);
        expectReply(await get(teamEndpoints(otherOrgTeam, otherOrgId)[3]!, { token }), 403, FORBIDDEN);
        for (const unknown of [randomUUID(), "not-a-uuid", "1", "'%20OR%201=1--"]) {
          for (const path of teamEndpoints(unknown)) expectReply(await get(path, { token }), 404, NOT_FOUND, path);
        }
        // A NUL character is never an id: in the path the URL is not a documented one (404), in the query the parameter is invalid (400).
        const [nulUsers, nulUtilization, nulTeam, nulUsage] = teamEndpoints("%00");
        for (const path of [nulUsers!, nulTeam!]) expectReply(await get(path, { token }), 404, NOT_FOUND, path);
        for (const path of [nulUtilization!, nulUsage!]) expectReply(await get(path, { token }), 400, BAD_REQUEST, path);
      }
    });

    it("another organization's user: 403 on 3.12 and 3.13; unknown user 404", async () => {
      for (const token of [admin, superadmin]) {
        expectReply(await get(`/api/v1/user/${otherOrgUserId}`, { token }), 403, FORBIDDEN);
        expectReply(await get(`/api/v1/user/usage?organizationId=${orgId}&userId=${otherOrgUserId}&${JAN_APR}`, { token }), 403, FORBIDDEN);
        expectReply(
          await get(`/api/v1/user/usage?organizationId=${otherOrgId}&userId=${otherOrgUserId}&${JAN_APR}`, { token }),
          403,
          FORBIDDEN,
        );
        for (const unknown of [randomUUID(), "nope", "1"]) {
          expectReply(await get(`/api/v1/user/${unknown}`, { token }), 404, NOT_FOUND, unknown);
          expectReply(
            await get(`/api/v1/user/usage?organizationId=${orgId}&userId=${unknown}&${JAN_APR}`, { token }),
            404,
            NOT_FOUND,
            unknown,
          );
        }
      }
    });

    it("organizationId of another organization: 404 on 3.4, 403 on 3.11 and 3.13 (even with own team/user)", async () => {
      for (const token of [admin, superadmin]) {
        for (const organizationId of [otherOrgId, randomUUID(), "x"]) {
          expectReply(await get(`/api/v1/organization/usage?organizationId=${organizationId}&${JAN_APR}`, { token }), 404, NOT_FOUND);
          expectReply(
            await get(`/api/v1/team/usage?organizationId=${organizationId}&teamId=${teamId}&${JAN_APR}`, { token }),
            403,
            FORBIDDEN,
          );
          expectReply(
            await get(`/api/v1/user/usage?organizationId=${organizationId}&userId=${userId}&${JAN_APR}`, { token }),
            403,
            FORBIDDEN,
          );
        }
      }
    });

    it("lists (teams, users, permissions) hold only the caller's organization, whatever the paging", async () => {
      const prisma = server.store.db.prisma;
      const ownTeams = new Set((await prisma.team.findMany({ where: { organizationId: orgId } })).map((t) => t.id));
      const ownIdentities = new Set(
        (await prisma.identity.findMany({ where: { organizationId: orgId, vendor: "TABNINE" } })).map((i) => i.externalId),
      );
      for (const query of ["", "?limit=0", "?offset=0&limit=1000000", "?offset=2&limit=5"]) {
        const teams = expectOk(
          await get<{ data: { id: string }[]; meta: { total: number } }>(`/api/v1/organization/teams${query}`, { token: superadmin }),
        );
        expect(teams.meta.total).toBe(ownTeams.size);
        for (const team of teams.data) expect(ownTeams.has(team.id)).toBe(true);
      }
      for (const [teamMember, active] of [
        ["true", "true"],
        ["false", "true"],
        ["true", "false"],
        ["false", "false"],
      ]) {
        const users = expectOk(
          await get<UserList>(`/api/v1/organization/users?offset=0&limit=0&teamMember=${teamMember}&active=${active}`, {
            token: superadmin,
          }),
        );
        for (const user of users.data) expect(ownIdentities.has(user.id), user.email).toBe(true);
      }
      for (const role of ["Admin", "TeamLead", "Member"]) {
        const holders = expectOk(
          await get<{ organizationId: string }[]>(`/api/v1/instance/permissions?role=${role}`, { token: superadmin }),
        );
        expect(holders.length).toBeGreaterThan(0);
        expect(holders.every((holder) => holder.organizationId === orgId)).toBe(true);
      }
      const bergwerk = await server.tokenFor("admin@bergwerk.test");
      expect(expectOk(await get<{ id: string }>(`/api/v1/organization`, { token: bergwerk })).id).toBe(otherOrgId);
    });
  });

  describe("paging (3.2, 3.5, 3.8)", () => {
    it("limit=0 returns all; meta.next only while more follow; pages concatenate to the whole list", async () => {
      const lists = [
        (offset: number, limit: number) => `/api/v1/organization/teams?offset=${offset}&limit=${limit}`,
        (offset: number, limit: number) => `/api/v1/organization/users?offset=${offset}&limit=${limit}&teamMember=true&active=true`,
        (offset: number, limit: number) => `/api/v1/team/${teamId}/users?offset=${offset}&limit=${limit}`,
      ];
      for (const url of lists) {
        const all = expectOk(await get<{ data: { id: string }[]; meta: UserList["meta"] }>(url(0, 0), { token: admin }));
        expect(all.meta).toEqual({ count: all.data.length, total: all.data.length });
        expect(all.data.length).toBeGreaterThan(2);
        const seen: string[] = [];
        for (let offset = 0; ;) {
          const page = expectOk(await get<{ data: { id: string }[]; meta: UserList["meta"] }>(url(offset, 2), { token: admin }));
          seen.push(...page.data.map((item) => item.id));
          expect(page.meta.count).toBe(page.data.length);
          expect(page.meta.total).toBe(all.meta.total);
          if (offset + 2 < all.meta.total) {
            expect(page.meta.next, url(offset, 2)).toEqual({ limit: 2, offset: offset + 2 });
            offset = page.meta.next!.offset;
          } else {
            expect(page.meta, url(offset, 2)).not.toHaveProperty("next");
            break;
          }
        }
        expect(seen).toEqual(all.data.map((item) => item.id));
        for (const offset of [all.meta.total, all.meta.total + 1, 999_999, 1_000_001, Number.MAX_SAFE_INTEGER]) {
          expectReply(
            await get(url(offset, 2), { token: admin }),
            200,
            { data: [], meta: { count: 0, total: all.meta.total } },
            url(offset, 2),
          );
        }
        const tail = expectOk(await get<{ data: { id: string }[]; meta: UserList["meta"] }>(url(all.meta.total - 1, 0), { token: admin }));
        expect(tail).toEqual({ data: all.data.slice(-1), meta: { count: 1, total: all.meta.total } });
      }
    });
  });

  describe("hostile and invalid parameters: the documented 400, never a 500", () => {
    it("400 BAD_REQUEST for missing or invalid parameters", async () => {
      const usage = `/api/v1/organization/usage?organizationId=${orgId}`;
      const valid = range("2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z", "daily");
      const cases = [
        ...[
          "offset=-1",
          "limit=-1",
          "limit=abc",
          "offset=1.5",
          "offset=1e3",
          "offset=99999999999999999999",
          "limit=99999999999999999999",
          "offset=",
          "offset=1&offset=2",
          "offset=%2B1",
          "offset=%201",
        ].map((q) => `/api/v1/organization/teams?${q}`),
        "/api/v1/organization/users",
        "/api/v1/organization/users?offset=0&limit=1&teamMember=false",
        "/api/v1/organization/users?offset=0&limit=1&active=true",
        "/api/v1/organization/users?offset=0&limit=1&teamMember=yes&active=true",
        "/api/v1/organization/users?offset=0&limit=1&teamMember=false&active=1",
        "/api/v1/organization/users?offset=0&limit=1&teamMember=False&active=true",
        "/api/v1/organization/users?offset=-1&limit=1&teamMember=false&active=true",
        "/api/v1/organization/users?limit=1&teamMember=false&active=true",
        "/api/v1/organization/users?offset=0&teamMember=false&active=true",
        `/api/v1/team/${teamId}/users`,
        `/api/v1/team/${teamId}/users?offset=0`,
        `/api/v1/team/${teamId}/users?offset=0&limit=abc`,
        `/api/v1/team/${teamId}/users?offset=99999999999999999999&limit=1`,
        ...["2025-13", "2025-00", "2025-1", "25-01", "2025-01-01", "abcd-ef", "1969-12", "2025-1%0A"].map(
          (d) => `/api/v1/organization/account-utilizations?startDate=${d}`,
        ),
        "/api/v1/instance/permissions",
        "/api/v1/team/account-utilizations",
        "/api/v1/team/account-utilizations?teamId=",
        usage,
        `${usage}&from=2025-02-01T00:00:00.000Z&to=2025-03-01T00:00:00.000Z`,
        `${usage}&to=2025-03-01T00:00:00.000Z&granularity=daily`,
        `${usage}&from=2025-02-01T00:00:00.000Z&granularity=daily`,
        ...["hourly", "DAILY", "", "all,daily", "Daily"].map(
          (g) => `${usage}&${range("2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z", g)}`,
        ),
        `${usage}&${range("2025-03-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z", "daily")}`,
        `${usage}&${range("2025-03-02T00:00:00.000Z", "2025-03-01T00:00:00.000Z", "daily")}`,
        ...[
          "2025-02-30",
          "2025-02-30T00:00:00Z",
          "2025-13-01T00:00:00Z",
          "yesterday",
          "1740787200",
          "2025-02-01T25:00:00Z",
          "0000-01-01T00:00:00Z",
          "%00",
        ].flatMap((bad) => [
          `${usage}&${range(bad, "2025-03-01T00:00:00.000Z", "daily")}`,
          `${usage}&${range("2025-02-01T00:00:00.000Z", bad, "daily")}`,
        ]),
        `${usage}&${range("1970-01-01T00:00:00.000Z", "9999-12-31T00:00:00.000Z", "daily")}`,
        `/api/v1/team/usage?organizationId=${orgId}&teamId=${teamId}`,
        `/api/v1/team/usage?organizationId=${orgId}&${valid}`,
        `/api/v1/team/usage?teamId=${teamId}&${valid}`,
        `/api/v1/team/usage?organizationId=${orgId}&teamId=${teamId}&${range("x", "y", "daily")}`,
        `/api/v1/user/usage?organizationId=${orgId}&userId=${userId}`,
        `/api/v1/user/usage?organizationId=${orgId}&${valid}`,
        `/api/v1/user/usage?userId=${userId}&${valid}`,
        `/api/v1/user/usage?organizationId=${orgId}&userId=${userId}&${range("2025-02-01", "2025-01-01", "weekly")}`,
      ];
      for (const path of cases) expectReply(await get(path, { token: admin }), 400, BAD_REQUEST, path);
    });

    it("aliases and date-only values are accepted; from/to are echoed in toISOString() form", async () => {
      const body = expectOk(
        await get<Usage>(
          `/api/v1/organization/usage?organizationId=${orgId}&from=2025-02-03&to=2025-02-05T00:00:00%2B00:00&granularity=day`,
          { token: admin },
        ),
      );
      expect(body).toMatchObject({ from: "2025-02-03T00:00:00.000Z", to: "2025-02-05T00:00:00.000Z", usage: { granularity: "daily" } });
      expect(body.usage.data).toHaveLength(2);
    });

    it("unknown routes under /api/v1 (without Rocket.Chat headers): 404 NOT_FOUND; other methods: 405 with Allow: GET", async () => {
      const unknown = [
        "/api/v1/nope",
        "/api/v1/organization/",
        "/api/v1/Organization",
        "/api/v1/organization/teams/",
        "/api/v1/team",
        "/api/v1/team/",
        `/api/v1/team/${teamId}/`,
        `/api/v1/team/${teamId}/users/`,
        `/api/v1/team/${teamId}/users/extra`,
        "/api/v1/user/",
        "/api/v1/user",
        "/api/v1/license/x",
        "/api/v1",
      ];
      for (const path of unknown) {
        expectReply(await get(path, { token: admin }), 404, NOT_FOUND, path);
        expectReply(await get(path), 404, NOT_FOUND, path);
      }
      for (const path of endpoints()) {
        for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
          const response = await get(path, { method, token: admin });
          expect(response.status, `${method} ${path}`).toBe(405);
          expect(response.headers.get("allow")).toBe("GET");
          expectSameShape(response.body, fixture("tabnine", "error"));
          expect(response.body).toMatchObject({ status: 405 });
        }
      }
    });

    it("hostile ids and filters never give a 500 or a stack trace", async () => {
      const paths = [
        `/api/v1/user/${"a".repeat(5000)}`,
        `/api/v1/team/${"a".repeat(5000)}`,
        `/api/v1/instance/permissions?role=${"x".repeat(5000)}`,
        `/api/v1/instance/permissions?role[a]=1`,
        `/api/v1/team/account-utilizations?teamId[]=1`,
        `/api/v1/user/usage?organizationId=${orgId}&userId[]=1&${JAN_APR}`,
        `/api/v1/organization/usage?organizationId[]=${orgId}&${JAN_APR}`,
      ];
      for (const path of paths) {
        const response = await get(path, { token: admin });
        expect(response.status, path).toBeLessThan(500);
        expect(response.text, path).not.toMatch(NO_TRACE);
        expectSameShape(response.status === 200 ? [] : response.body, response.status === 200 ? [] : fixture("tabnine", "error"));
      }
    });
  });
});
