import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { syncOrganization, type SyncResult } from "../../src/sources/sync.service.js";
import { recomputedRollups, rollupsOf } from "../helpers/ingest.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";
import { startStubVendors, teamwireFixture, type StubVendors } from "../helpers/stub-vendors.js";
import { createOrganizationWithSource, dataChecksums, testSyncDeps } from "../helpers/sync.js";

const UNTIL = "2025-03-05";
const since = new Date("2025-02-20T00:00:00Z");
const now = () => new Date(`${UNTIL}T12:00:00Z`);

describe.each(STORE_KINDS)("Teamwire pull connector (%s)", (kind) => {
  let store: TestStore;
  let prisma: Prisma;
  let stub: StubVendors;
  let organizationId: string;
  let sourceId: string;

  beforeAll(async () => {
    store = await createTestStore(kind);
    prisma = store.db.prisma;
  });
  afterAll(() => store.dispose());

  beforeEach(async () => {
    await prisma.organization.deleteMany({});
    stub = await startStubVendors({ teamwire: teamwireFixture(UNTIL, 20) });
    ({ organizationId, sourceId } = await createOrganizationWithSource(prisma, {
      slug: "nordhafen",
      vendor: "TEAMWIRE",
      baseUrl: stub.url,
      credentials: { email: stub.teamwire.email, password: stub.teamwire.password },
    }));
  });
  afterEach(() => stub.close());

  const sync = (): Promise<SyncResult> =>
    syncOrganization(testSyncDeps(prisma, {}, now), { organization: "nordhafen", vendor: "TEAMWIRE", since });
  const expected = (name: "sent_messages" | "activated_connectors") =>
    Object.entries(stub.teamwire.daily[name]).filter(([day, count]) => day >= "2025-02-20" && day < UNTIL && count > 0);

  it("logs in with the session cookie, maps the dashboard and the daily series; a second run changes nothing", async () => {
    const result = await sync();
    expect(result.sources[0]!.errors).toEqual([]);
    const messages = expected("sent_messages");
    const connectors = expected("activated_connectors");
    expect(result).toMatchObject({ created: 1 + messages.length + connectors.length, failed: 0 });
    expect(stub.requests.filter((r) => r.startsWith("POST /v1/admin/login/"))).toHaveLength(1);
    // One unit per calendar month: February and March.
    expect(stub.requests.filter((r) => r.startsWith("GET /v1/admin/stats/sent_messages/"))).toEqual([
      "GET /v1/admin/stats/sent_messages/?year=2025&month=2",
      "GET /v1/admin/stats/sent_messages/?year=2025&month=3",
    ]);
    const sum = await prisma.usageEvent.aggregate({
      where: { organizationId, metric: "MESSAGES_SENT", vendor: "TEAMWIRE", userId: null },
      _sum: { value: true },
      _count: true,
    });
    expect(sum._count).toBe(messages.length);
    expect(sum._sum.value).toBe(messages.reduce((n, [, c]) => n + c, 0));
    expect(await prisma.usageEvent.count({ where: { organizationId, metric: "CONNECTOR_ACTIVATIONS" } })).toBe(connectors.length);
    expect(await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({
      settings: { groupsCount: 58 },
      cursor: { seriesFrom: UNTIL },
      lastError: null,
    });
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).toMatchObject({ privacyMode: "INTERNAL_ONLY" }); // "Internal only"
    expect(await prisma.license.findFirstOrThrow({ where: { organizationId, vendor: "TEAMWIRE" } })).toMatchObject({ seats: 500 });
    expect(await rollupsOf(prisma, organizationId)).toEqual(await recomputedRollups(prisma, organizationId));

    const before = await dataChecksums(prisma);
    expect(await sync()).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await dataChecksums(prisma)).toEqual(before);
  });

  it("maps each of Teamwire's privacy modes; an unknown one keeps the organization's mode, is kept on the source and logged", async () => {
    const modes = {
      "Address book only": "ADDRESS_BOOK_ONLY",
      "Groups only": "GROUPS_ONLY",
      "Internal and external": "INTERNAL_AND_EXTERNAL",
    };
    const privacyMode = async () => (await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).privacyMode;
    for (const [settings, mode] of Object.entries(modes)) {
      stub.teamwire.dashboard.settings = settings;
      expect((await sync()).failed).toBe(0);
      expect(await privacyMode(), settings).toBe(mode);
    }

    stub.teamwire.dashboard.settings = "Federated (beta)";
    const lines: string[] = [];
    const unknown = await syncOrganization(testSyncDeps(prisma, {}, now, lines), { organization: "nordhafen", vendor: "TEAMWIRE", since });
    expect(unknown).toMatchObject({ failed: 0, updated: 1 });
    expect(await privacyMode()).toBe("INTERNAL_AND_EXTERNAL");
    const source = () => prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect((await source()).settings).toEqual({ groupsCount: 58, unknownPrivacyMode: "Federated (beta)" });
    const warning = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.privacyMode === "Federated (beta)");
    expect(warning).toMatchObject({
      kept: "INTERNAL_AND_EXTERNAL",
      vendor: "TEAMWIRE",
      msg: expect.stringMatching(/does not know/) as unknown,
    });

    // The same unknown mode again changes nothing; a known one replaces it.
    const before = await dataChecksums(prisma);
    expect(await sync()).toMatchObject({ updated: 0, failed: 0 });
    expect(await dataChecksums(prisma)).toEqual(before);
    stub.teamwire.dashboard.settings = "Internal only";
    expect(await sync()).toMatchObject({ updated: 1, failed: 0 });
    expect(await privacyMode()).toBe("INTERNAL_ONLY");
    expect((await source()).settings).toEqual({ groupsCount: 58 });
  });

  it("a refused login fails the sync before any statistics call, and says so on the source", async () => {
    stub.teamwire.password = "changed";
    const before = await dataChecksums(prisma);
    const result = await sync();
    expect(result.sources[0]!.errors).toEqual(["login and dashboard: POST /v1/admin/login/: HTTP 401"]);
    expect(stub.requests.some((r) => r.includes("/stats/"))).toBe(false);
    expect(await dataChecksums(prisma)).toEqual(before);
    expect((await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).lastError).toBe(
      "login and dashboard: POST /v1/admin/login/: HTTP 401",
    );
  });

  it("a month that fails keeps the months before it and the cursor at its start; 429 Retry-After is honoured; a re-run completes", async () => {
    stub.faults.push(
      { path: /^\/v1\/admin\/stats\/dashboard\/$/, kind: "429", retryAfter: "0", times: 1 },
      { path: /^\/v1\/admin\/stats\/activated_connectors\/$/, url: /month=3/, kind: "500", times: 100 },
    );
    const first = await sync();
    expect(first.sources[0]!.errors).toEqual(["series 2025-03: GET /v1/admin/stats/activated_connectors/: HTTP 500"]);
    expect((await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).cursor).toEqual({ seriesFrom: "2025-03-01" });
    const march = await prisma.usageEvent.count({ where: { organizationId, occurredAt: { gte: new Date("2025-03-01T00:00:00Z") } } });
    expect(march).toBe(0); // the March unit wrote nothing, not even its messages
    expect(await rollupsOf(prisma, organizationId)).toEqual(await recomputedRollups(prisma, organizationId));

    stub.faults.length = 0;
    const second = await syncOrganization(testSyncDeps(prisma, {}, now), { organization: "nordhafen" });
    expect(second.failed).toBe(0);
    expect(stub.requests.filter((r) => r.includes("month=2"))).toHaveLength(2); // February was not asked again
    expect(await prisma.usageEvent.count({ where: { organizationId } })).toBe(
      expected("sent_messages").length + expected("activated_connectors").length,
    );
  });
});
