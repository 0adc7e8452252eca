import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EqTabnineAccountUtilizationDocument, EqTabnineTeamsDocument } from "../__generated__/graphql.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { expectOk, restRequest } from "../helpers/rest.js";
import { countStatements } from "../helpers/statements.js";
import { STORE_KINDS } from "../helpers/stores.js";

// The meanings Tabnine documents, implemented (docs/vendors/tabnine.md, "Vendor material and deviations"):
// account utilization per month as its account-utilization page defines it, team counts that agree with
// the team's user list, and teams in creation order. A hand-made organization gives exact numbers; the
// seeded one is checked against the definitions restated here, user by user.

type Month = { year: number; month: number; registered: number; deactivated: number; active: number; pending: number };
type UserList = { data: { id: string; email: string; deactivatedAt: string | null }[]; meta: { count: number; total: number } };
type Account = { status: string; createdAt: Date; deactivatedAt: Date | null; updatedAt: Date };

const now = new Date();
/** The first instant of the month `offset` months from the current one (UTC). */
const month = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
const day = (offset: number, d: number) => new Date(month(offset).getTime() + (d - 1) * 86_400_000 + 12 * 3_600_000);
const yyyyMm = (date: Date) => date.toISOString().slice(0, 7);

/** The account-utilization page's four numbers of one month, from each account's own times. */
function expectedMonth(accounts: readonly Account[], start: Date): Omit<Month, "year" | "month"> {
  const end = Math.min(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1), Date.now());
  const deactivation = (a: Account) =>
    a.status === "DEACTIVATED" ? Math.max(a.createdAt.getTime(), (a.deactivatedAt ?? a.updatedAt).getTime()) : Infinity;
  const signedUp = accounts.filter((a) => a.status !== "PENDING" && a.createdAt.getTime() < end);
  return {
    registered: signedUp.filter((a) => deactivation(a) >= end).length,
    deactivated: signedUp.filter((a) => deactivation(a) < end).length,
    active: signedUp.filter((a) => deactivation(a) >= start.getTime()).length,
    pending: accounts.filter((a) => a.status === "PENDING" && a.createdAt.getTime() < end).length,
  };
}

describe.each(STORE_KINDS)("Tabnine meanings on %s", (kind) => {
  let server: GraphQLTestServer;
  let admin: string; // admin of the hand-made organization
  let seededAdmin: string;
  let seededOrg: string;
  let orgId: string; // the hand-made organization
  const teams: Record<string, string> = {};
  const emails: Record<string, string> = {};

  const get = <T>(path: string, token = admin) => restRequest<T>(server.url, path, { token }).then((response) => expectOk(response, path));

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind, { env: { GRAPHQL_CACHE_TTL_SECONDS: "0" } });
    const prisma = server.store.db.prisma;
    seededOrg = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } })).id;
    seededAdmin = await server.tokenFor("admin@nordhafen.test");

    const org = await prisma.organization.create({ data: { slug: "meanings", name: "Meanings", number: 990, domains: ["meanings.test"] } });
    orgId = org.id;
    // Created in an order that is not name order; Beta and Alpha at the same instant (then by id).
    const created = [
      ["Mid", month(-9)],
      ["Zeta", day(-9, 2)],
      ["Alpha", day(-9, 3)],
      ["Beta", day(-9, 3)],
      ["Default Team", day(-9, 4)],
    ] as const;
    for (const [name, createdAt] of created) {
      const team = await prisma.team.create({ data: { organizationId: org.id, name, isDefault: name === "Default Team", createdAt } });
      teams[name] = team.id;
    }
    const people = [
      // name, role, status, created, deactivatedAt, updatedAt, team, Tabnine account
      ["a", "ADMIN", "REGISTERED", day(-6, 1), null, null, null, true],
      ["b", "MEMBER", "DEACTIVATED", day(-3, 10), day(-1, 5), null, "Zeta", true],
      ["c", "MEMBER", "DEACTIVATED", day(-2, 3), null, day(-2, 20), "Zeta", true], // deactivated at its last update at the latest
      ["d", "MEMBER", "PENDING", day(-2, 12), null, null, "Zeta", true],
      ["e", "MEMBER", "REGISTERED", new Date(month(0).getTime() + 1), null, null, "Zeta", true],
      ["f", "MEMBER", "REGISTERED", day(-3, 1), null, null, "Zeta", false], // no Tabnine account
      ["g", "MEMBER", "REGISTERED", new Date(now.getTime() + 2 * 86_400_000), null, null, "Alpha", true], // signs up after now
      ["h", "MEMBER", "PENDING", new Date(month(0).getTime() + 1), null, null, "Alpha", true],
      ["i", "MEMBER", "DEACTIVATED", day(-7, 1), day(-4, 15), null, null, true],
    ] as const;
    for (const [name, role, status, createdAt, deactivatedAt, updatedAt, team, tabnine] of people) {
      const email = `${name}@meanings.test`;
      emails[name] = email;
      const user = await prisma.user.create({
        data: {
          organizationId: org.id,
          teamId: team ? teams[team]! : null,
          email,
          username: email,
          firstName: name,
          lastName: "Meaning",
          role,
          status,
          verified: status !== "PENDING",
          createdAt,
          deactivatedAt,
        },
      });
      await prisma.$executeRawUnsafe(
        `UPDATE "User" SET "updatedAt" = $1::timestamptz WHERE "id" = $2::uuid`,
        (updatedAt ?? createdAt).toISOString(),
        user.id,
      );
      await prisma.identity.create({
        data: { organizationId: org.id, userId: user.id, vendor: tabnine ? "TABNINE" : "TEAMWIRE", externalId: randomUUID(), createdAt },
      });
    }
    admin = await server.tokenFor(emails.a!);
  });
  afterAll(() => server?.close());

  it("account utilization: the page's four numbers per month, the current one counted up to now", async () => {
    const months = await get<Month[]>(`/api/v1/organization/account-utilizations?startDate=${yyyyMm(month(-3))}`);
    const at = (offset: number) => ({ year: month(offset).getUTCFullYear(), month: month(offset).getUTCMonth() });
    expect(months).toEqual([
      { ...at(-3), registered: 2, deactivated: 1, active: 2, pending: 0 },
      { ...at(-2), registered: 2, deactivated: 2, active: 3, pending: 1 },
      { ...at(-1), registered: 1, deactivated: 3, active: 2, pending: 1 },
      { ...at(0), registered: 2, deactivated: 3, active: 2, pending: 2 },
    ]);
    const { organization } = expectNoErrors(
      await server.request(EqTabnineAccountUtilizationDocument, { startMonth: yyyyMm(month(-3)) }, admin),
    );
    expect(organization!.accountUtilization.map((m) => ({ ...m, month: m.month - 1 }))).toEqual(months);
  });

  it("account utilization of the seeded organization: the definitions restated user by user, every month", async () => {
    const prisma = server.store.db.prisma;
    const accounts = await prisma.user.findMany({ where: { organizationId: seededOrg, identities: { some: { vendor: "TABNINE" } } } });
    for (const startDate of ["2024-01", null]) {
      const months = await get<Month[]>(
        `/api/v1/organization/account-utilizations${startDate ? `?startDate=${startDate}` : ""}`,
        seededAdmin,
      );
      expect(months.length).toBeGreaterThanOrEqual(12);
      for (const m of months) {
        expect(m, `${m.year}-${m.month + 1}`).toEqual({
          year: m.year,
          month: m.month,
          ...expectedMonth(accounts, new Date(Date.UTC(m.year, m.month, 1))),
        });
      }
      const deactivated = months.map((m) => m.deactivated);
      expect(deactivated).toEqual([...deactivated].sort((x, y) => x - y)); // a month-end count never forgets earlier deactivations
    }
    // The current month, so far, is what the user lists say now.
    const current = (await get<Month[]>(`/api/v1/organization/account-utilizations`, seededAdmin)).at(-1)!;
    const total = async (active: boolean) => {
      let sum = 0;
      for (const teamMember of [true, false])
        sum += (await get<UserList>(`/api/v1/organization/users?offset=0&limit=1&teamMember=${teamMember}&active=${active}`, seededAdmin))
          .meta.total;
      return sum;
    };
    expect(current.registered).toBeGreaterThan(0);
    expect(current.registered).toBe(await total(true));
    expect(current.deactivated).toBe(await total(false));
  });

  it("teams in creation order (then by id), as GraphQL's CREATED order; paging keeps it", async () => {
    const created = await server.store.db.prisma.team.findMany({
      where: { organizationId: orgId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const order = created.map((team) => team.id);
    expect(created.slice(0, 2).map((team) => team.name)).toEqual(["Mid", "Zeta"]);
    const list = await get<{ data: { id: string }[] }>(`/api/v1/organization/teams`);
    expect(list.data.map((team) => team.id)).toEqual(order);
    const paged: string[] = [];
    for (let offset = 0; offset < order.length; offset++)
      paged.push(...(await get<{ data: { id: string }[] }>(`/api/v1/organization/teams?offset=${offset}&limit=1`)).data.map((t) => t.id));
    expect(paged).toEqual(order);
    const { organization } = expectNoErrors(await server.request(EqTabnineTeamsDocument, {}, admin));
    expect(organization!.teams.nodes.map((team) => team.id)).toEqual(order);
    // usersCount of every team in one statement: 5 teams cost what the seeded organization's 3 cost.
    const cost = async (token: string) =>
      (await countStatements(server.store.db.prisma, () => get(`/api/v1/organization/teams`, token))).statements;
    expect(await cost(admin)).toBe(await cost(seededAdmin));
  });

  it("a team's usersCount is its user list: signed-up Tabnine accounts; utilization splits it and counts invitations", async () => {
    const zeta = await get<UserList>(`/api/v1/team/${teams.Zeta}/users?offset=0&limit=0`);
    expect(zeta.data.map((user) => user.email)).toEqual([emails.b, emails.c, emails.e]);
    expect(zeta.data.map((user) => user.deactivatedAt)).toEqual([day(-1, 5).toISOString(), null, null]);
    const list = await get<{ data: { id: string; usersCount: number }[] }>(`/api/v1/organization/teams`);
    expect(list.data.find((team) => team.id === teams.Zeta)!.usersCount).toBe(3);
    expect(await get(`/api/v1/team/account-utilizations?teamId=${teams.Zeta}`)).toEqual({ registered: 1, deactivated: 2, invited: 1 });
    expect(await get(`/api/v1/team/account-utilizations?teamId=${teams.Alpha}`)).toEqual({ registered: 1, deactivated: 0, invited: 1 });
  });

  it("on the seeded organization, every team's usersCount = its list's total = registered + deactivated", async () => {
    const prisma = server.store.db.prisma;
    const list = await get<{ data: { id: string; usersCount: number }[] }>(`/api/v1/organization/teams`, seededAdmin);
    let members = 0;
    for (const team of list.data) {
      const users = await get<UserList>(`/api/v1/team/${team.id}/users?offset=0&limit=0`, seededAdmin);
      const utilization = await get<{ registered: number; deactivated: number; invited: number }>(
        `/api/v1/team/account-utilizations?teamId=${team.id}`,
        seededAdmin,
      );
      expect(users.meta.total, team.id).toBe(team.usersCount);
      expect(utilization.registered + utilization.deactivated, team.id).toBe(team.usersCount);
      expect(utilization.deactivated, team.id).toBe(users.data.filter((user) => user.deactivatedAt !== null).length);
      const invited = await prisma.user.count({
        where: { teamId: team.id, status: "PENDING", identities: { some: { vendor: "TABNINE" } } },
      });
      expect(utilization.invited, team.id).toBe(invited);
      members += team.usersCount;
    }
    expect(members).toBeGreaterThan(0);
    let inTeams = 0;
    for (const active of [true, false])
      inTeams += (await get<UserList>(`/api/v1/organization/users?offset=0&limit=1&teamMember=true&active=${active}`, seededAdmin)).meta
        .total;
    expect(members).toBe(inTeams);
  });
});
