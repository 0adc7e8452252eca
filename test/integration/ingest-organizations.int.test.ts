import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { IngestUsageDocument, OrganizationOverviewDocument } from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, TEST_SEED } from "../helpers/graphql.js";
import { startIngestServer, tokenFor, type IngestTestServer } from "../helpers/ingest.js";
import { restRequest } from "../helpers/rest.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";

// An ingest batch's `organizations` (README "Ingestion"): an organization's Teamwire privacy mode,
// as GraphQL, the store and Teamwire's dashboard (docs/vendors/teamwire.md §1.1) then show it.

describe.each(STORE_KINDS)("ingesting organization settings on %s", (kind) => {
  let store: TestStore;
  let server: IngestTestServer;
  let prisma: Prisma;
  let admin: string; // admin@nordhafen.test
  let superadmin: string;
  let orgId: string;
  let otherOrgId: string;

  const modeOf = async (id: string) => (await prisma.organization.findUniqueOrThrow({ where: { id } })).privacyMode;
  const dashboardSettings = async (token: string) => {
    const response = await restRequest<{ settings: string }>(server.url, "/v1/admin/stats/dashboard/", { token });
    expect(response.status, response.text).toBe(200);
    return response.body.settings;
  };

  beforeAll(async () => {
    store = await createTestStore(kind, { seed: TEST_SEED });
    prisma = store.db.prisma;
    server = await startIngestServer(store);
    admin = await tokenFor(prisma, "admin@nordhafen.test");
    superadmin = await tokenFor(prisma, "superadmin@demo.test");
    orgId = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } })).id;
    otherOrgId = (await prisma.organization.findUniqueOrThrow({ where: { slug: "bergwerk" } })).id;
  });
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
  });

  it("POST /ingest sets the mode from Teamwire's string or the identifier; the dashboard then sends Teamwire's string", async () => {
    expect(await modeOf(orgId)).toBe("INTERNAL_AND_EXTERNAL");
    expect(await dashboardSettings(admin)).toBe("Internal and external"); // cached from here on, until the data changes
    const { dataVersion } = await prisma.organization.findUniqueOrThrow({ where: { id: orgId } });

    const first = await server.ingest({ events: [], organizations: [{ id: orgId, privacyMode: "Address book only" }] }, admin);
    expect(first).toEqual({ status: 200, body: { received: 0, inserted: 0, duplicates: 0 } });
    expect(await modeOf(orgId)).toBe("ADDRESS_BOOK_ONLY");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })).dataVersion).toBeGreaterThan(dataVersion);
    expect(await dashboardSettings(admin)).toBe("Address book only");

    await server.ingest({ events: [], organizations: [{ id: orgId.toUpperCase(), privacyMode: "GROUPS_ONLY" }] }, admin);
    expect(await dashboardSettings(admin)).toBe("Groups only");
    const { organization } = expectNoErrors(await server.request(OrganizationOverviewDocument, { id: orgId }, admin));
    expect(organization!.privacyMode).toBe("GROUPS_ONLY");
  });

  it("refuses a bad mode, another tenant and a repeated organization, naming each; nothing of the batch is written", async () => {
    const before = await modeOf(orgId);
    const event = {
      idempotencyKey: "org-settings-1",
      organizationId: orgId,
      vendor: "TEAMWIRE",
      metric: "MESSAGES_SENT",
      timestamp: "2025-03-04T10:00:00Z",
      value: 3,
    };
    const response = await server.ingest(
      {
        events: [event],
        organizations: [
          { id: orgId, privacyMode: "standard" },
          { id: otherOrgId, privacyMode: "INTERNAL_ONLY" },
        ],
      },
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: "BAD_USER_INPUT",
      problems: [
        {
          list: "organizations",
          index: 0,
          field: "privacyMode",
          reason: expect.stringMatching(/^must be one of ADDRESS_BOOK_ONLY/) as unknown,
        },
        { list: "organizations", index: 1, field: "id", reason: "not an organization you may ingest into" },
      ],
    });
    expect(String(response.body.message)).toMatch(/organizations\[0\]\.privacyMode/);

    const twice = await server.ingest(
      {
        events: [event],
        organizations: [
          { id: orgId, privacyMode: "INTERNAL_ONLY" },
          { id: orgId, privacyMode: "Groups only" },
        ],
      },
      admin,
    );
    expect(twice.body).toMatchObject({
      problems: [{ list: "organizations", index: 1, field: "id", reason: "the batch declares this organization twice" }],
    });
    expect(await modeOf(orgId)).toBe(before);
    expect(await prisma.usageEvent.count({ where: { organizationId: orgId, idempotencyKey: "org-settings-1" } })).toBe(0);
  });

  it("ingestUsage takes the TeamwirePrivacyMode enum; a SUPERADMIN may set any organization's mode", async () => {
    const input = { events: [], organizations: [{ id: otherOrgId, privacyMode: "INTERNAL_ONLY" as const }] };
    expectNoErrors(await server.request(IngestUsageDocument, { input }, superadmin));
    expect(await modeOf(otherOrgId)).toBe("INTERNAL_ONLY");

    const refused = await server.request(IngestUsageDocument, { input }, admin);
    expectErrors(refused, "BAD_USER_INPUT");
    expect(refused.body.errors![0]!.extensions.problems).toEqual([
      { list: "organizations", index: 0, field: "id", reason: "not an organization you may ingest into" },
    ]);

    const badEnum = await server.request(
      IngestUsageDocument,
      { input: { events: [], organizations: [{ id: orgId, privacyMode: "Internal only" }] } } as never,
      admin,
    );
    const [message] = expectErrors(badEnum, "BAD_USER_INPUT");
    expect(message).toMatch(/privacyMode/);
    expect(message).not.toMatch(/\bat \S+ \(|node_modules/);
  });
});
