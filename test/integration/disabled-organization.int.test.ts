import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiToken } from "../../src/auth/api-token.js";
import { DEMO_PASSWORD, SUPERADMIN_EMAIL } from "../../src/seed/directory.js";
import { LoginDocument, OrganizationOverviewDocument, ViewerDocument } from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { restRequest, rocketChatHeaders } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

// A disabled organization's users are refused on every surface, whatever their credentials (JWT,
// API token, session) or role; superadmins of another organization still see it. Seed: TEST_SEED,
// the SUPERADMIN in organization 1; organization 2 is the one disabled.

describe.each(STORE_KINDS)("a disabled organization (%s)", (kind) => {
  let server: GraphQLTestServer;
  let orgId: string;
  let adminEmail: string;
  let adminJwt: string;
  let memberApiToken: string;

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const { prisma } = server.store.db;
    const org = await prisma.organization.findUniqueOrThrow({ where: { number: 2 } });
    orgId = org.id;
    adminEmail = `admin@${org.slug}.test`;
    adminJwt = await server.tokenFor(adminEmail);
    const member = await prisma.user.findFirstOrThrow({ where: { organizationId: orgId, role: "MEMBER", status: "REGISTERED" } });
    memberApiToken = (await issueApiToken(prisma, member, { name: "before it was disabled" })).token;
  });
  afterAll(() => server?.close());

  /** Runs `body` with the organization disabled (issued credentials stay as they were), then enables it again. */
  async function whileDisabled(body: () => Promise<void>): Promise<void> {
    const { prisma } = server.store.db;
    await prisma.organization.update({ where: { id: orgId }, data: { disabled: true } });
    try {
      await body();
    } finally {
      await prisma.organization.update({ where: { id: orgId }, data: { disabled: false } });
    }
  }

  it("refuses GraphQL with 403 FORBIDDEN, for a JWT and for an API token", async () => {
    await whileDisabled(async () => {
      for (const token of [adminJwt, memberApiToken]) {
        const response = await server.request(ViewerDocument, {}, token);
        expect(response.status).toBe(403);
        expect(expectErrors(response, "FORBIDDEN")).toEqual(["the organization is disabled"]);
      }
    });
    expectNoErrors(await server.request(ViewerDocument, {}, adminJwt));
  });

  it("refuses the login mutation once the password is right, and says nothing more for a wrong one", async () => {
    await whileDisabled(async () => {
      const right = await server.request(LoginDocument, { email: adminEmail, password: DEMO_PASSWORD });
      expect(expectErrors(right, "FORBIDDEN")).toEqual(["the organization is disabled"]);
      const wrong = await server.request(LoginDocument, { email: adminEmail, password: "not-the-password" });
      expectErrors(wrong, "UNAUTHENTICATED");
    });
    expectNoErrors(await server.request(LoginDocument, { email: adminEmail, password: DEMO_PASSWORD }));
  });

  it("refuses the Rocket.Chat and Tabnine adapters with their own refusals", async () => {
    const rocketChat = await rocketChatHeaders(server.store.db.prisma, adminEmail);
    await whileDisabled(async () => {
      const statistics = await restRequest(server.url, "/api/v1/statistics", { headers: rocketChat });
      expect(statistics.status).toBe(400);
      expect(statistics.body).toEqual({ success: false, error: "error-not-allowed" });
      const tabnine = await restRequest(server.url, "/api/v1/organization", { token: adminJwt });
      expect(tabnine.status).toBe(403);
      expect(tabnine.body).toEqual({ error: "FORBIDDEN", message: "User lacks permission.", status: 403 });
    });
    expect((await restRequest(server.url, "/api/v1/statistics", { headers: rocketChat })).status).toBe(200);
    expect((await restRequest(server.url, "/api/v1/organization", { token: adminJwt })).status).toBe(200);
  });

  it("refuses POST /ingest and the exports with 403 FORBIDDEN", async () => {
    const ingest = () => restRequest(server.url, "/ingest", { method: "POST", token: adminJwt, json: { events: [] } });
    const usersCsv = () => restRequest(server.url, "/export/users.csv", { token: memberApiToken });
    await whileDisabled(async () => {
      const refused = await ingest();
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: "FORBIDDEN", message: "the organization is disabled" });
      const exported = await usersCsv();
      expect(exported.status).toBe(403);
      expect(exported.body).toEqual({ errors: [{ message: "the organization is disabled", extensions: { code: "FORBIDDEN" } }] });
    });
    expect((await ingest()).status).toBe(200);
    // A member may not export the directory, but is no longer refused for its organization.
    expect((await usersCsv()).status).toBe(403);
    expect((await restRequest(server.url, "/export/users.csv", { token: adminJwt })).status).toBe(200);
  });

  it("still shows the organization to a SUPERADMIN of another organization", async () => {
    const superadmin = await server.tokenFor(SUPERADMIN_EMAIL);
    await whileDisabled(async () => {
      const { organization } = expectNoErrors(await server.request(OrganizationOverviewDocument, { id: orgId }, superadmin));
      expect(organization).toMatchObject({ id: orgId, disabled: true });
    });
  });
});
