import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LoginDocument,
  OrganizationsDocument,
  OrgSourcesDocument,
  OrgDevicesDocument,
  OrgNameDocument,
  OrgUsageTotalsDocument,
  OrgUsersDocument,
  TeamMembersDocument,
  TeamNameDocument,
  UserEmailDocument,
  ViewerDocument,
  ViewerOrgUsersDocument,
} from "../__generated__/graphql.js";
import {
  expectErrors,
  expectNoErrors,
  startGraphQLTestServer,
  TEST_JWT,
  type GraphQLResponse,
  type GraphQLTestServer,
} from "../helpers/graphql.js";
import { STORE_KINDS } from "../helpers/stores.js";
import type { DomainErrorCode } from "../../src/errors.js";

type Role = "SUPERADMIN" | "ADMIN" | "TEAM_ADMIN" | "MEMBER";
const RANGE = { from: "2025-01-01T00:00:00Z", to: "2025-03-05T00:00:00Z" };

describe.each(STORE_KINDS)("GraphQL auth and tenancy on %s", (kind) => {
  let server: GraphQLTestServer;
  const tokens = {} as Record<Role, string>;
  const ids = { own: "", other: "", ownTeam: "", otherTeam: "", teamMate: "", outsider: "", otherOrgUser: "", teamAdminTeam: "" };

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const prisma = server.store.db.prisma;
    const own = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } });
    const other = await prisma.organization.findUniqueOrThrow({ where: { slug: "bergwerk" } });
    const teamAdmin = await prisma.user.findFirstOrThrow({ where: { organizationId: own.id, role: "TEAM_ADMIN" } });
    const member = await prisma.user.findFirstOrThrow({
      where: { organizationId: own.id, role: "MEMBER", status: "REGISTERED", teamId: { not: teamAdmin.teamId } },
      orderBy: { email: "asc" },
    });
    tokens.SUPERADMIN = await server.tokenFor("superadmin@demo.test");
    tokens.ADMIN = await server.tokenFor("admin@nordhafen.test");
    tokens.TEAM_ADMIN = await server.tokenFor(teamAdmin.email);
    tokens.MEMBER = await server.tokenFor(member.email);
    const teamMate = await prisma.user.findFirstOrThrow({ where: { teamId: teamAdmin.teamId, id: { not: teamAdmin.id } } });
    Object.assign(ids, {
      own: own.id,
      other: other.id,
      ownTeam: teamAdmin.teamId,
      otherTeam: (await prisma.team.findFirstOrThrow({ where: { organizationId: other.id } })).id,
      teamMate: teamMate.id,
      outsider: member.id,
      otherOrgUser: (await prisma.user.findFirstOrThrow({ where: { organizationId: other.id } })).id,
    });
  });
  afterAll(() => server?.close());

  // [role, what, outcome]: "ok", or the error code every role outside the rule gets.
  const matrix: [string, (role: Role) => Promise<GraphQLResponse<unknown>>, Record<Role, "ok" | DomainErrorCode>][] = [
    [
      "own organization name",
      (role) => server.request(OrgNameDocument, {}, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "ok", MEMBER: "ok" },
    ],
    [
      "another organization by id",
      (role) => server.request(OrgNameDocument, { id: ids.other }, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "NOT_FOUND", TEAM_ADMIN: "NOT_FOUND", MEMBER: "NOT_FOUND" },
    ],
    [
      "sources and licenses of the own organization",
      (role) => server.request(OrgSourcesDocument, {}, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "FORBIDDEN", MEMBER: "FORBIDDEN" },
    ],
    [
      "users of the own organization",
      (role) => server.request(OrgUsersDocument, {}, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "FORBIDDEN", MEMBER: "FORBIDDEN" },
    ],
    [
      "users of another organization",
      (role) => server.request(OrgUsersDocument, { id: ids.other }, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "NOT_FOUND", TEAM_ADMIN: "NOT_FOUND", MEMBER: "NOT_FOUND" },
    ],
    [
      "usage of the own organization",
      (role) => server.request(OrgUsageTotalsDocument, RANGE, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "FORBIDDEN", MEMBER: "FORBIDDEN" },
    ],
    [
      "usage of another organization",
      (role) => server.request(OrgUsageTotalsDocument, { ...RANGE, id: ids.other }, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "NOT_FOUND", TEAM_ADMIN: "NOT_FOUND", MEMBER: "NOT_FOUND" },
    ],
    [
      "device statistics of the own organization",
      (role) => server.request(OrgDevicesDocument, {}, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "FORBIDDEN", MEMBER: "FORBIDDEN" },
    ],
    [
      "members of the team admin's team",
      (role) => server.request(TeamMembersDocument, { id: ids.ownTeam }, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "ok", MEMBER: "NOT_FOUND" },
    ],
    [
      "a team of another organization",
      (role) => server.request(TeamNameDocument, { id: ids.otherTeam }, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "NOT_FOUND", TEAM_ADMIN: "NOT_FOUND", MEMBER: "NOT_FOUND" },
    ],
    [
      "a team mate of the team admin",
      (role) => server.request(UserEmailDocument, { id: ids.teamMate }, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "ok", MEMBER: "NOT_FOUND" },
    ],
    [
      "a user of another organization",
      (role) => server.request(UserEmailDocument, { id: ids.otherOrgUser }, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "NOT_FOUND", TEAM_ADMIN: "NOT_FOUND", MEMBER: "NOT_FOUND" },
    ],
    [
      "organization users through viewer",
      (role) => server.request(ViewerOrgUsersDocument, {}, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "ok", TEAM_ADMIN: "FORBIDDEN", MEMBER: "FORBIDDEN" },
    ],
    [
      "every organization",
      (role) => server.request(OrganizationsDocument, {}, tokens[role]),
      { SUPERADMIN: "ok", ADMIN: "FORBIDDEN", TEAM_ADMIN: "FORBIDDEN", MEMBER: "FORBIDDEN" },
    ],
  ];

  for (const [what, run, outcomes] of matrix) {
    it.each(Object.keys(outcomes) as Role[])(`${what}: %s`, async (role) => {
      const response = await run(role);
      if (outcomes[role] === "ok") expectNoErrors(response);
      else expectErrors(response, outcomes[role]);
      expect(response.status).toBe(200);
    });
  }

  it("members see only themselves", async () => {
    expect(expectNoErrors(await server.request(UserEmailDocument, { id: ids.outsider }, tokens.MEMBER)).user!.id).toBe(ids.outsider);
  });

  it("a cursor from another organization pages only the caller's organization", async () => {
    const foreign = expectNoErrors(await server.request(OrgUsersDocument, { id: ids.other }, tokens.SUPERADMIN)).organization!.users;
    const page = expectNoErrors(await server.request(OrgUsersDocument, { after: foreign.pageInfo.endCursor }, tokens.ADMIN)).organization!
      .users;
    const own = await server.store.db.prisma.user.findMany({ where: { organizationId: ids.own }, select: { id: true } });
    const ownIds = new Set(own.map((user) => user.id));
    expect(page.nodes.length).toBeGreaterThan(0);
    expect(page.nodes.every((user) => ownIds.has(user.id))).toBe(true);
  });

  const sign = (payload: object, options: jwt.SignOptions, secret: string = TEST_JWT.secret) =>
    jwt.sign(payload, secret, { issuer: TEST_JWT.issuer, audience: TEST_JWT.audience, ...options });

  it.each([
    ["no token", undefined],
    ["an expired token", () => sign({ org: ids.own, role: "ADMIN", exp: Math.floor(Date.now() / 1000) - 300 }, { subject: "x" })],
  ] as const)("%s cannot read", async (_, make) => {
    const token = typeof make === "function" ? make() : make;
    const response = await server.request(ViewerDocument, {}, token);
    expectErrors(response, "UNAUTHENTICATED");
  });

  it.each([
    ["an expired token", (sub: string) => sign({ org: ids.own, role: "ADMIN" }, { subject: sub, expiresIn: -120 })],
    [
      "a bad signature",
      (sub: string) => sign({ org: ids.own, role: "ADMIN" }, { subject: sub, expiresIn: 60 }, "another-secret-another-secret-another"),
    ],
    [
      "alg none",
      (sub: string) =>
        jwt.sign({ org: ids.own, role: "ADMIN" }, "", {
          algorithm: "none",
          subject: sub,
          issuer: TEST_JWT.issuer,
          audience: TEST_JWT.audience,
        }),
    ],
    [
      "the wrong audience",
      (sub: string) =>
        jwt.sign({ org: ids.own, role: "ADMIN" }, TEST_JWT.secret, {
          subject: sub,
          issuer: TEST_JWT.issuer,
          audience: "someone-else",
          expiresIn: 60,
        }),
    ],
    ["an HS512 token", (sub: string) => sign({ org: ids.own, role: "ADMIN" }, { subject: sub, algorithm: "HS512", expiresIn: 60 })],
    [
      "a token for a claimed organization that is not the user's",
      (sub: string) => sign({ org: ids.other, role: "SUPERADMIN" }, { subject: sub, expiresIn: 60 }),
    ],
    ["an unknown API token", () => "ugw_" + "A".repeat(43)],
    ["a validly signed token without expiry", (sub: string) => sign({ org: ids.own, role: "ADMIN" }, { subject: sub })],
    [
      "a validly signed token whose sub is not a user id",
      () => sign({ org: ids.own, role: "ADMIN" }, { subject: "not-a-uuid", expiresIn: 60 }),
    ],
    ["a validly signed token whose org is not an id", (sub: string) => sign({ org: "x", role: "ADMIN" }, { subject: sub, expiresIn: 60 })],
  ] as const)("%s is rejected with 401 UNAUTHENTICATED", async (_, make) => {
    const admin = await server.store.db.prisma.user.findUniqueOrThrow({ where: { email: "admin@nordhafen.test" } });
    const response = await server.request(ViewerDocument, {}, make(admin.id));
    expect(response.status).toBe(401);
    expectErrors(response, "UNAUTHENTICATED");
    expect(response.body.data).toBeUndefined();
  });

  it("login exchanges an admin's email and password for a working token, and refuses wrong ones alike", async () => {
    const ok = expectNoErrors(await server.request(LoginDocument, { email: "Admin@Nordhafen.test ", password: "demo-password" }));
    expect(ok.login.user).toEqual({ email: "admin@nordhafen.test", role: "ADMIN" });
    expect(Date.parse(ok.login.expiresAt) - Date.now()).toBeGreaterThan(11 * 3_600_000);
    expect(expectNoErrors(await server.request(ViewerDocument, {}, ok.login.token)).viewer.email).toBe("admin@nordhafen.test");
    const wrongPassword = expectErrors(
      await server.request(LoginDocument, { email: "admin@nordhafen.test", password: "nope" }),
      "UNAUTHENTICATED",
    );
    const unknownUser = expectErrors(
      await server.request(LoginDocument, { email: "nobody@nordhafen.test", password: "demo-password" }),
      "UNAUTHENTICATED",
    );
    expect(wrongPassword).toEqual(unknownUser);
    // Members have no password: they cannot log in this way.
    const member = await server.store.db.prisma.user.findFirstOrThrow({ where: { role: "MEMBER", passwordHash: null } });
    expectErrors(await server.request(LoginDocument, { email: member.email, password: "demo-password" }), "UNAUTHENTICATED");
    // Not even with the password of the decoy hash that unknown and password-less users are checked against.
    expectErrors(await server.request(LoginDocument, { email: member.email, password: "decoy-password" }), "UNAUTHENTICATED");
  });

  it("a malformed Authorization header is rejected with 401", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Token abc" },
      body: JSON.stringify({ query: "{ viewer { id } }" }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("a deactivated user's token stops working at once", async () => {
    const user = await server.store.db.prisma.user.findFirstOrThrow({
      where: { organizationId: ids.own, role: "MEMBER", status: "REGISTERED" },
      orderBy: { email: "desc" },
    });
    const token = await server.tokenFor(user.email);
    expectNoErrors(await server.request(ViewerDocument, {}, token));
    await server.store.db.prisma.user.update({ where: { id: user.id }, data: { status: "DEACTIVATED" } });
    expect((await server.request(ViewerDocument, {}, token)).status).toBe(401);
  });
});
