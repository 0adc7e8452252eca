import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiTokensDocument,
  IssueApiTokenDocument,
  OrganizationOverviewDocument,
  OrganizationsDocument,
  OrganizationStatisticsDocument,
  OrganizationTeamsDocument,
  OrganizationUsageDocument,
  OrganizationUsersDocument,
  RegisterSourceDocument,
  RevokeApiTokenDocument,
  StatisticsHistoryDocument,
  TeamDetailDocument,
  UserDetailDocument,
  ViewerDocument,
  WorkspaceStatisticsDocument,
  type OrganizationTeamsQuery,
  type OrganizationUsersQuery,
} from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { STORE_KINDS } from "../helpers/stores.js";

const ORG_ADMIN = "admin@nordhafen.test"; // organization 1: all three vendors
const FROM = "2025-02-24T00:00:00.000Z";
const TO = "2025-03-05T00:00:00.000Z";

describe.each(STORE_KINDS)("GraphQL queries on %s", (kind) => {
  let server: GraphQLTestServer;
  let admin: string;
  let superadmin: string;
  let orgId: string;
  const sql = async <T = Record<string, unknown>>(text: string, ...params: unknown[]) =>
    server.store.db.prisma.$queryRawUnsafe<T[]>(text, ...params);

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    admin = await server.tokenFor(ORG_ADMIN);
    superadmin = await server.tokenFor("superadmin@demo.test");
    orgId = (await server.store.db.prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } })).id;
  });
  afterAll(() => server?.close());

  it("viewer and organization identity", async () => {
    const { viewer } = expectNoErrors(await server.request(ViewerDocument, {}, admin));
    expect(viewer).toMatchObject({ email: ORG_ADMIN, role: "ADMIN", organization: { id: orgId, name: "Nordhafen Logistik", number: 1 } });
    const { organization } = expectNoErrors(await server.request(OrganizationOverviewDocument, {}, admin));
    expect(organization!.sources.map((s) => s.vendor)).toEqual(["TEAMWIRE", "ROCKETCHAT", "TABNINE"]);
    expect(organization!.licenses.map((l) => l.vendor).sort()).toEqual(["TABNINE", "TEAMWIRE"]);
    expect(organization!.domains[0]).toBe("nordhafen.test");
  });

  it("pages through organizations (SUPERADMIN) and teams with cursors", async () => {
    const first = expectNoErrors(await server.request(OrganizationsDocument, { first: 2 }, superadmin)).organizations;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = expectNoErrors(
      await server.request(OrganizationsDocument, { first: 2, after: first.pageInfo.endCursor }, superadmin),
    ).organizations;
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const names = [...first.nodes, ...rest.nodes].map((o) => o.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(3);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: OrganizationTeamsQuery = expectNoErrors(await server.request(OrganizationTeamsDocument, { first: 1, after }, admin));
      const page = result.organization!.teams;
      seen.push(...page.edges.map((edge) => edge.node.id));
      expect(page.totalCount).toBe(3);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const teams = await sql<{ id: string; members: number }>(
      `SELECT t."id"::text AS id, (SELECT count(*)::int FROM "User" u WHERE u."teamId" = t."id") AS members FROM "Team" t WHERE t."organizationId" = $1::uuid ORDER BY t."name", t."id"`,
      orgId,
    );
    expect(seen).toEqual(teams.map((t) => t.id));
    const all = expectNoErrors(await server.request(OrganizationTeamsDocument, { first: 10 }, admin)).organization!.teams;
    for (const edge of all.edges) {
      const members = teams.find((t) => t.id === edge.node.id)!.members;
      expect(edge.node.usersCount).toBe(members);
      const u = edge.node.utilization;
      expect(u.registered + u.deactivated + u.invited).toBe(members);
    }
  });

  it("pages through users by email and filters them", async () => {
    const emails: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: OrganizationUsersQuery = expectNoErrors(await server.request(OrganizationUsersDocument, { first: 4, after }, admin));
      const page = result.organization!.users;
      emails.push(...page.nodes.map((u) => u.email));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = await sql<{ email: string }>(`SELECT "email" FROM "User" WHERE "organizationId" = $1::uuid ORDER BY "email"`, orgId);
    expect(emails).toEqual(expected.map((row) => row.email));

    const teamless = expectNoErrors(await server.request(OrganizationUsersDocument, { first: 500, filter: { teamAssigned: false } }, admin))
      .organization!.users;
    expect(teamless.nodes.every((u) => u.team === null)).toBe(true);
    const [{ n }] = (await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "User" WHERE "organizationId" = $1::uuid AND "teamId" IS NULL`,
      orgId,
    )) as [{ n: number }];
    expect(teamless.totalCount).toBe(n);

    const filtered = expectNoErrors(
      await server.request(
        OrganizationUsersDocument,
        { first: 500, filter: { statuses: ["DEACTIVATED", "PENDING"], roles: ["MEMBER"] } },
        admin,
      ),
    ).organization!.users;
    expect(filtered.nodes.every((u) => u.role === "MEMBER" && u.status !== "REGISTERED")).toBe(true);
    const [{ m }] = (await sql<{ m: number }>(
      `SELECT count(*)::int AS m FROM "User" WHERE "organizationId" = $1::uuid AND "role" = 'MEMBER' AND "status" <> 'REGISTERED'`,
      orgId,
    )) as [{ m: number }];
    expect(filtered.totalCount).toBe(m);
  });

  it("answers daily usage that matches the raw events, zero-filled, with distinct-user totals", async () => {
    const { organization } = expectNoErrors(
      await server.request(OrganizationUsageDocument, { from: FROM, to: TO, resolution: "DAY" }, admin),
    );
    const usage = organization!.usage;
    expect(usage.points.map((p) => p.from)).toEqual(
      Array.from({ length: 9 }, (_, i) => new Date(Date.parse(FROM) + i * 86_400_000).toISOString()),
    );
    const daily = await sql<{ day: Date; metric: string; vendor: string; total: number; users: number }>(
      `SELECT date_trunc('day', "occurredAt", 'UTC') AS day, "metric"::text AS metric, "vendor"::text AS vendor,
              sum("value")::float8 AS total, count(DISTINCT "userId")::int AS users
       FROM "UsageEvent" WHERE "organizationId" = $1::uuid AND "occurredAt" >= $2::timestamptz AND "occurredAt" < $3::timestamptz
       GROUP BY 1, 2, 3`,
      orgId,
      FROM,
      TO,
    );
    let checked = 0;
    for (const point of usage.points) {
      for (const value of point.values) {
        const row = daily.find((d) => d.day.toISOString() === point.from && d.metric === value.metric && d.vendor === value.vendor);
        if (["ACTIVE_USERS", "COMPLETION_ACTIVE_USERS", "CHAT_ACTIVE_USERS"].includes(value.metric)) {
          expect(value.value, `${point.from} ${value.metric} ${value.vendor}`).toBe(row?.users ?? 0);
        } else if (["MESSAGES_SENT", "CODE_COMPLETIONS", "KEYSTROKES", "CONNECTOR_ACTIVATIONS", "SESSION_SECONDS"].includes(value.metric)) {
          expect(value.value, `${point.from} ${value.metric} ${value.vendor}`).toBeCloseTo(row?.total ?? 0, 6);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    const [range] = await sql<{ users: number }>(
      `SELECT count(DISTINCT "userId")::int AS users FROM "UsageEvent" WHERE "organizationId" = $1::uuid AND "vendor" = 'TABNINE'
       AND "metric" = 'ACTIVE_USERS' AND "occurredAt" >= $2::timestamptz AND "occurredAt" < $3::timestamptz`,
      orgId,
      FROM,
      TO,
    );
    const total = usage.totals.find((t) => t.metric === "ACTIVE_USERS" && t.vendor === "TABNINE")!.value;
    const sumOfDays = usage.points.reduce(
      (sum, p) => sum + p.values.find((v) => v.metric === "ACTIVE_USERS" && v.vendor === "TABNINE")!.value,
      0,
    );
    expect(total).toBe(range!.users);
    expect(total).toBeLessThan(sumOfDays); // distinct users are never a sum of days
    const chars = usage.totals.find((t) => t.metric === "COMPLETION_CHARS")!.value;
    const keys = usage.totals.find((t) => t.metric === "KEYSTROKES")!.value;
    expect(usage.totals.find((t) => t.metric === "AUTOMATION_FACTOR")!.value).toBeCloseTo(chars / (chars + keys), 10);
    const ratio = usage.totals.find((t) => t.metric === "PRODUCTIVITY_FACTOR")!.value;
    expect(ratio).toBeGreaterThan(0.1);
    expect(ratio).toBeLessThan(0.4);
    // Weighted by each day's distinct Tabnine active users, from events: for daily buckets (weights
    // from the distinct-users statement) and for weekly ones (weights computed in SQL).
    const [weighted] = await sql<{ day: number; days: number[] }>(
      `WITH active AS (SELECT date_trunc('day', "occurredAt", 'UTC') AS day, count(DISTINCT "userId")::float8 AS users FROM "UsageEvent"
         WHERE "organizationId" = $1::uuid AND "vendor" = 'TABNINE' AND "metric" = 'ACTIVE_USERS' AND "occurredAt" >= $2::timestamptz AND "occurredAt" < $3::timestamptz GROUP BY 1),
       ratio AS (SELECT date_trunc('day', "occurredAt", 'UTC') AS day, avg("value") AS value FROM "UsageEvent"
         WHERE "organizationId" = $1::uuid AND "metric" = 'PRODUCTIVITY_FACTOR' AND "occurredAt" >= $2::timestamptz AND "occurredAt" < $3::timestamptz GROUP BY 1)
       SELECT (sum(r.value * a.users) / sum(a.users))::float8 AS day, array_agg(r.value::float8 ORDER BY r.day) AS days FROM ratio r JOIN active a USING (day)`,
      orgId,
      FROM,
      TO,
    );
    expect(ratio).toBeCloseTo(weighted!.day, 10);
    expect(usage.points.map((p) => p.values.find((v) => v.metric === "PRODUCTIVITY_FACTOR")!.value).filter((v) => v > 0)).toEqual(
      weighted!.days.map((v): unknown => expect.closeTo(v, 10)),
    );
    const weekly = expectNoErrors(
      await server.request(OrganizationUsageDocument, { from: FROM, to: TO, resolution: "WEEK", metrics: ["PRODUCTIVITY_FACTOR"] }, admin),
    );
    expect(weekly.organization!.usage.totals[0]!.value).toBeCloseTo(weighted!.day, 10);
  });

  it("aligns WEEK (Monday) and MONTH buckets, clips them, and HOUR sums to the day", async () => {
    const week = expectNoErrors(
      await server.request(
        OrganizationUsageDocument,
        { from: "2025-02-05T00:00:00Z", to: TO, resolution: "WEEK", vendor: "TEAMWIRE", metrics: ["MESSAGES_SENT"] },
        admin,
      ),
    ).organization!.usage;
    expect(week.points.map((p) => [p.from, p.to])).toEqual([
      ["2025-02-05T00:00:00.000Z", "2025-02-10T00:00:00.000Z"],
      ["2025-02-10T00:00:00.000Z", "2025-02-17T00:00:00.000Z"],
      ["2025-02-17T00:00:00.000Z", "2025-02-24T00:00:00.000Z"],
      ["2025-02-24T00:00:00.000Z", "2025-03-03T00:00:00.000Z"],
      ["2025-03-03T00:00:00.000Z", "2025-03-05T00:00:00.000Z"],
    ]);
    const month = expectNoErrors(
      await server.request(
        OrganizationUsageDocument,
        { from: "2025-02-05T00:00:00Z", to: TO, resolution: "MONTH", vendor: "TEAMWIRE", metrics: ["MESSAGES_SENT"] },
        admin,
      ),
    ).organization!.usage;
    const sum = (series: typeof week) => series.points.reduce((s, p) => s + p.values[0]!.value, 0);
    expect(month.points).toHaveLength(2);
    expect(sum(month)).toBe(sum(week));
    expect(month.totals[0]!.value).toBe(sum(week));

    const day = expectNoErrors(
      await server.request(
        OrganizationUsageDocument,
        { from: "2025-03-03T00:00:00Z", to: "2025-03-04T00:00:00Z", resolution: "HOUR", metrics: ["MESSAGES_SENT", "ACTIVE_USERS"] },
        admin,
      ),
    ).organization!.usage;
    expect(day.points).toHaveLength(24);
    const daily = expectNoErrors(
      await server.request(
        OrganizationUsageDocument,
        { from: "2025-03-03T00:00:00Z", to: "2025-03-04T00:00:00Z", resolution: "DAY", metrics: ["MESSAGES_SENT", "ACTIVE_USERS"] },
        admin,
      ),
    ).organization!.usage;
    const hourly = (metric: string, vendor: string) =>
      day.points.reduce((s, p) => s + p.values.find((v) => v.metric === metric && v.vendor === vendor)!.value, 0);
    expect(hourly("MESSAGES_SENT", "ROCKETCHAT")).toBe(
      daily.totals.find((t) => t.metric === "MESSAGES_SENT" && t.vendor === "ROCKETCHAT")!.value,
    );
    expect(day.totals).toEqual(daily.totals);
  });

  it("team and user usage and details", async () => {
    const team = (
      await sql<{ id: string }>(
        `SELECT t."id"::text AS id FROM "Team" t WHERE t."organizationId" = $1::uuid AND NOT t."isDefault" ORDER BY t."name" LIMIT 1`,
        orgId,
      )
    )[0]!;
    const variables = {
      id: team.id,
      from: FROM,
      to: TO,
      resolution: "DAY" as const,
      metrics: ["MESSAGES_SENT" as const, "ACTIVE_USERS" as const],
    };
    const detail = expectNoErrors(await server.request(TeamDetailDocument, variables, admin)).team!;
    expect(detail.organization.id).toBe(orgId);
    expect(detail.users.totalCount).toBe(detail.usersCount);
    const [expected] = await sql<{ total: number }>(
      `SELECT coalesce(sum("value"), 0)::float8 AS total FROM "UsageEvent" WHERE "teamId" = $1::uuid
      AND "metric" = 'MESSAGES_SENT' AND "vendor" = 'ROCKETCHAT' AND "occurredAt" >= $2::timestamptz AND "occurredAt" < $3::timestamptz`,
      team.id,
      FROM,
      TO,
    );
    expect(detail.usage.totals.find((t) => t.metric === "MESSAGES_SENT" && t.vendor === "ROCKETCHAT")!.value).toBe(expected!.total);

    const member = detail.users.nodes[0]!;
    const user = expectNoErrors(await server.request(UserDetailDocument, { ...variables, id: member.id }, admin)).user!;
    expect(user).toMatchObject({ email: member.email, team: { id: team.id }, organization: { id: orgId } });
    expect(user.name).toBe(`${user.firstName} ${user.lastName}`);
    const identities = await server.store.db.prisma.identity.findMany({ where: { userId: member.id } });
    expect(user.identities.map((i) => i.externalId).sort()).toEqual(identities.map((i) => i.externalId).sort());
    expect(user.devices.length).toBe(await server.store.db.prisma.device.count({ where: { userId: member.id } }));
    for (const point of user.usage.points) {
      for (const value of point.values) if (value.metric === "ACTIVE_USERS") expect([0, 1]).toContain(value.value);
    }
  });

  it("device statistics, calendar series, last usages and account utilization", async () => {
    const variables = { year: 2025, month: 2, discriminator: "OS" as const, startMonth: "2025-01" };
    const stats = expectNoErrors(await server.request(OrganizationStatisticsDocument, variables, admin)).organization!;
    const devices = await server.store.db.prisma.device.count({ where: { organizationId: orgId, wipedAt: null } });
    expect(stats.deviceStats.reduce((s, row) => s + row.total, 0)).toBe(devices);
    expect(stats.deviceStats.map((row) => row.total)).toEqual([...stats.deviceStats.map((row) => row.total)].sort((a, b) => b - a));
    expect(stats.deviceStats.every((row) => row.os && row.osVersion === null && row.client === null)).toBe(true);

    expect(stats.activeUsers.points).toHaveLength(28);
    const feb20 = stats.activeUsers.points.find((p) => p.date === "2025-02-20")!;
    const [day] = await sql<{ users: string[] }>(
      `SELECT coalesce(array_agg(DISTINCT "userId"::text ORDER BY "userId"::text), '{}') AS users FROM "UsageEvent"
      WHERE "organizationId" = $1::uuid AND "metric" = 'ACTIVE_USERS' AND "occurredAt" >= '2025-02-20' AND "occurredAt" < '2025-02-21'`,
      orgId,
    );
    expect(feb20.userIds).toEqual(day!.users);
    expect(feb20.count).toBe(day!.users.length);
    expect(stats.activeUsers.minYear).toBe(2025);
    expect(stats.activatedConnectors.points.every((p) => /^2025-02-\d\d$/.test(p.date))).toBe(true);

    const [users] = await sql<{ n: number }>(
      `SELECT count(DISTINCT "userId")::int AS n FROM "UsageEvent" WHERE "organizationId" = $1::uuid AND "metric" = 'ACTIVE_USERS'`,
      orgId,
    );
    expect(stats.lastUsages.reduce((s, row) => s + row.users, 0)).toBe(users!.n);
    // Months from startMonth to the current month, 1-based; the seed's history ends in March 2025.
    expect(stats.accountUtilization.slice(0, 4).map((m) => [m.year, m.month])).toEqual([
      [2025, 1],
      [2025, 2],
      [2025, 3],
      [2025, 4],
    ]);
    // Tabnine's account-utilization page: registered/deactivated/pending at month end, `active` registered at any time in it.
    const [feb] = await sql<{ registered: number; deactivated: number; active: number; pending: number }>(
      `SELECT count(*) FILTER (WHERE u."status" <> 'PENDING' AND (u."deactivatedAt" IS NULL OR u."deactivatedAt" >= '2025-03-01'))::int AS registered,
        count(*) FILTER (WHERE u."status" = 'DEACTIVATED' AND u."deactivatedAt" < '2025-03-01')::int AS deactivated,
        count(*) FILTER (WHERE u."status" <> 'PENDING' AND (u."deactivatedAt" IS NULL OR u."deactivatedAt" >= '2025-02-01'))::int AS active,
        count(*) FILTER (WHERE u."status" = 'PENDING')::int AS pending
      FROM "User" u WHERE u."organizationId" = $1::uuid AND u."createdAt" < '2025-03-01'
        AND EXISTS (SELECT 1 FROM "Identity" i WHERE i."userId" = u."id" AND i."vendor" = 'TABNINE')`,
      orgId,
    );
    expect(stats.accountUtilization[1]).toEqual({ year: 2025, month: 2, ...feb });
    expect(feb!.registered).toBeGreaterThan(0);
    // After the seeded history, accounts stay registered: April is March's end state, nobody joins or leaves.
    const { year: _y, month: _m, ...marchEnd } = stats.accountUtilization[2]!;
    expect(stats.accountUtilization[3]).toEqual({ year: 2025, month: 4, ...marchEnd, active: marchEnd.registered });

    const osFilter = expectNoErrors(
      await server.request(OrganizationStatisticsDocument, { ...variables, os: "Windows" }, admin),
    ).organization!;
    expect(osFilter.deviceStats.every((row) => row.os === "Windows" && row.osVersion !== null)).toBe(true);
    const managed = expectNoErrors(
      await server.request(OrganizationStatisticsDocument, { ...variables, discriminator: "IS_MANAGED", vendor: "TEAMWIRE" }, admin),
    ).organization!;
    expect(managed.deviceStats.every((row) => row.client && row.os && row.isManaged !== null)).toBe(true);
    const monthly = expectNoErrors(
      await server.request(OrganizationStatisticsDocument, { ...variables, month: null, discriminator: "LOCALE" }, admin),
    ).organization!;
    // 2025 is over: all twelve months, zero-filled after the history ends.
    expect(monthly.sentMessages.points.map((p) => p.date)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`),
    );
    expect(monthly.sentMessages.points[5]!.count).toBe(0);
    const [march] = await sql<{ n: number }>(
      `SELECT sum("value")::int AS n FROM "UsageEvent" WHERE "organizationId" = $1::uuid
      AND "metric" = 'MESSAGES_SENT' AND "occurredAt" >= '2025-03-01' AND "occurredAt" < '2025-04-01'`,
      orgId,
    );
    expect(monthly.sentMessages.points[2]!.count).toBe(march!.n);
    expect(monthly.deviceStats.reduce((s, row) => s + row.total, 0)).toBe(devices);
  });

  it("live workspace statistics and the snapshot history", async () => {
    const stats = expectNoErrors(await server.request(WorkspaceStatisticsDocument, {}, admin)).organization!.workspaceStatistics;
    expect(stats.totalUsers).toBe(await server.store.db.prisma.user.count({ where: { organizationId: orgId } }));
    const [messages] = await sql<{ total: number }>(
      `SELECT sum("value")::float8 AS total FROM "UsageEvent" WHERE "organizationId" = $1::uuid AND "metric" = 'MESSAGES_SENT'`,
      orgId,
    );
    expect(stats.messages.total).toBe(messages!.total);
    expect(stats.messages.channel + stats.messages.privateGroup + stats.messages.direct + stats.messages.livechat).toBeLessThanOrEqual(
      stats.messages.total,
    );
    expect(stats.presence.connected).toBe(stats.presence.online + stats.presence.away + stats.presence.busy);
    expect(stats.userLanguages.reduce((s, l) => s + l.total, 0)).toBe(stats.totalUsers);
    expect(stats.teamsCount).toBe(3);
    // An omitted vendor reads every vendor's figures, Teamwire's groups included.
    const teamwire = expectNoErrors(await server.request(WorkspaceStatisticsDocument, { vendor: "TEAMWIRE" }, admin)).organization!
      .workspaceStatistics;
    expect(teamwire.groupsCount).toBeGreaterThan(0);
    expect(stats.groupsCount).toBe(teamwire.groupsCount);

    const rocketChat = expectNoErrors(await server.request(WorkspaceStatisticsDocument, { vendor: "ROCKETCHAT" }, admin)).organization!
      .workspaceStatistics;
    expect(rocketChat.totalUsers).toBe(
      await server.store.db.prisma.identity.count({ where: { organizationId: orgId, vendor: "ROCKETCHAT" } }),
    );

    const newest = expectNoErrors(await server.request(StatisticsHistoryDocument, { first: 3 }, admin)).organization!.statisticsHistory;
    expect(newest.totalCount).toBe(10);
    expect(newest.nodes.map((n) => n.takenAt)).toEqual([...newest.nodes.map((n) => n.takenAt)].sort().reverse());
    expect(Object.keys(newest.nodes[0]!.payload).slice(0, 3)).toEqual(["_id", "wizard", "uniqueId"]);
    const next = expectNoErrors(await server.request(StatisticsHistoryDocument, { first: 3, after: newest.pageInfo.endCursor }, admin))
      .organization!.statisticsHistory;
    expect(next.nodes[0]!.takenAt < newest.nodes[2]!.takenAt).toBe(true);
  });

  it("issues, uses and revokes API tokens; registers a source", async () => {
    const issued = expectNoErrors(
      await server.request(IssueApiTokenDocument, { name: "dashboard", expiresInDays: 30 }, admin),
    ).issueApiToken;
    expect(issued.token).toMatch(/^ugw_/);
    expect(issued.apiToken.prefix).toBe(issued.token.slice(0, 10));
    const viaToken = expectNoErrors(await server.request(ViewerDocument, {}, issued.token)).viewer;
    expect(viaToken.email).toBe(ORG_ADMIN);
    const listed = expectNoErrors(await server.request(ApiTokensDocument, {}, issued.token)).apiTokens;
    expect(listed.find((t) => t.id === issued.apiToken.id)!.lastUsedAt).not.toBeNull();
    expectNoErrors(await server.request(RevokeApiTokenDocument, { id: issued.apiToken.id }, admin));
    expectErrors(await server.request(ViewerDocument, {}, issued.token), "UNAUTHENTICATED");
    // Without expiresInDays a token never expires.
    const lasting = expectNoErrors(await server.request(IssueApiTokenDocument, { name: "lasting" }, admin)).issueApiToken;
    expect(lasting.apiToken.expiresAt).toBeNull();
    expect(expectNoErrors(await server.request(ViewerDocument, {}, lasting.token)).viewer.email).toBe(ORG_ADMIN);

    const source = expectNoErrors(
      await server.request(
        RegisterSourceDocument,
        { input: { vendor: "TABNINE", baseUrl: "https://tabnine.nordhafen.test/", externalId: orgId } },
        admin,
      ),
    ).registerSource;
    expect(source).toMatchObject({ vendor: "TABNINE", baseUrl: "https://tabnine.nordhafen.test", externalId: orgId });
    expect(await server.store.db.prisma.source.count({ where: { organizationId: orgId } })).toBe(3);
  });
});
