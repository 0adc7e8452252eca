import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NestedUsageDocument, OrganizationStatisticsByIdDocument, OrganizationsStatisticsDocument } from "../__generated__/graphql.js";
import { resolveSeedOptions } from "../../src/seed/options.js";
import { countStatements } from "../helpers/statements.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { STORE_KINDS } from "../helpers/stores.js";

const SMALL = resolveSeedOptions("tiny", {
  endDate: "2025-03-05",
  organizations: 2,
  usersPerOrganization: 6,
  teamsPerOrganization: 2,
  days: 20,
});
const LARGE = resolveSeedOptions("tiny", {
  endDate: "2025-03-05",
  organizations: 4,
  usersPerOrganization: 40,
  teamsPerOrganization: 6,
  days: 20,
});
const VARIABLES = { teams: 50, users: 50, from: "2025-02-03T00:00:00Z", to: "2025-03-05T00:00:00Z" };
const STATISTICS = { year: 2025, month: 2, startMonth: "2024-11", from: "2025-02-10T00:00:00Z", to: "2025-03-04T00:00:00Z" };

describe.each(STORE_KINDS)("N+1: nested organizations → teams → users → usage and devices on %s", (kind) => {
  const servers: Record<"small" | "large", GraphQLTestServer> = {} as never;

  beforeAll(async () => {
    servers.small = await startGraphQLTestServer(kind, { seed: SMALL });
    servers.large = await startGraphQLTestServer(kind, { seed: LARGE });
  });
  afterAll(async () => {
    await servers.small?.close();
    await servers.large?.close();
  });

  async function run(server: GraphQLTestServer) {
    const token = await server.tokenFor("superadmin@demo.test");
    const { statements, result } = await countStatements(server.store.db.prisma, () =>
      server.request(NestedUsageDocument, VARIABLES, token),
    );
    const data = expectNoErrors(result);
    const users = data.organizations.nodes.flatMap((org) => org.teams.nodes.flatMap((team) => team.users.nodes));
    return { statements, users };
  }

  it("runs the same small number of SQL statements for 12 and for 160 users", async () => {
    const small = await run(servers.small);
    const large = await run(servers.large);
    expect(small.users.length).toBeGreaterThan(5);
    expect(large.users.length).toBeGreaterThan(small.users.length * 10);
    expect(large.users.every((user) => user.usage.totals.length > 0)).toBe(true);
    expect(large.users.some((user) => user.devices.length > 0)).toBe(true);
    // authentication 1, organizations 2 (page + count), teams 1, users 1, devices 1, sources 1, usage 2 (sums, distinct users)
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(10);
  });

  async function runStatistics(server: GraphQLTestServer) {
    const token = await server.tokenFor("superadmin@demo.test");
    const { statements, result } = await countStatements(server.store.db.prisma, () =>
      server.request(OrganizationsStatisticsDocument, STATISTICS, token),
    );
    return { statements, organizations: expectNoErrors(result).organizations.nodes, token };
  }

  it("runs the same number of SQL statements for the statistics of 2 and of 4 organizations", async () => {
    const small = await runStatistics(servers.small);
    const large = await runStatistics(servers.large);
    expect(small.organizations).toHaveLength(2);
    expect(large.organizations).toHaveLength(4);
    expect(large.organizations.every((org) => org.workspaceStatistics.totalUsers > 0 && org.deviceStats.length > 0)).toBe(true);
    expect(large.organizations.every((org) => org.activeUsers.points.some((point) => point.count > 0))).toBe(true);
    expect(large.organizations.some((org) => org.statisticsHistory.nodes.length > 0)).toBe(true);
    expect(large.organizations.some((org) => org.dailyActiveUsers.some((day) => day.count > 0))).toBe(true);
    // authentication 1, data version 1, organizations 2 (page + count), workspace statistics 8 per vendor argument (users,
    // activity, domains, teams, devices, licenses, last message, snapshot) and, without one, the Teamwire sources (groups
    // count), device stats 1 per grouping, calendars 2 each
    // (oldest data, counts), last usages 1, account utilization 1, daily active users 1, statistics history 1
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(33);
  });

  it("gives each organization of the list the statistics it has when asked for alone", async () => {
    const { organizations, token } = await runStatistics(servers.large);
    for (const organization of organizations) {
      const alone = expectNoErrors(
        await servers.large.request(OrganizationStatisticsByIdDocument, { ...STATISTICS, id: organization.id }, token),
      ).organization;
      expect(alone).toEqual(organization);
    }
  });
});
