import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { syncOrganization, type SyncResult } from "../../src/sources/sync.service.js";
import { recomputedRollups, rollupsOf } from "../helpers/ingest.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";
import { startStubVendors, TABNINE_STUB_TOKEN, tabnineFixture, type StubVendors, type TabnineStubData } from "../helpers/stub-vendors.js";
import { createOrganizationWithSource, dataChecksums, testSyncDeps } from "../helpers/sync.js";

const UNTIL = "2025-03-05";
const DAYS = 10;
const now = () => new Date(`${UNTIL}T12:00:00Z`);
const since = new Date(`2025-02-23T00:00:00Z`); // = UNTIL - DAYS

/** Events the fixture implies: per active user-day its non-zero metrics, plus two ratios per day with activity. */
function expectedEvents(data: TabnineStubData): number {
  let count = 0;
  for (const days of Object.values(data.usage)) {
    for (const block of Object.values(days)) {
      const c = block.codeCompletions;
      const chat = block.chat;
      count += [
        block.activeUsers,
        c.activeUsers,
        c.completions,
        c.charsCompleted,
        c.keystrokes,
        c.lines,
        chat.activeUsers,
        chat.interactions,
        chat.usefulChatInteractions,
        chat.lines,
        chat.charsCompleted,
      ].filter((v) => v > 0).length;
    }
  }
  return count + Object.keys(data.ratios).length * 2;
}

describe.each(STORE_KINDS)("Tabnine pull connector (%s)", (kind) => {
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
    await prisma.user.deleteMany({});
    stub = await startStubVendors({ tabnine: tabnineFixture(UNTIL, DAYS), maxPageSize: 2 });
    ({ organizationId, sourceId } = await createOrganizationWithSource(prisma, {
      slug: "nordhafen",
      vendor: "TABNINE",
      baseUrl: stub.url,
      credentials: { token: TABNINE_STUB_TOKEN },
    }));
  });
  afterEach(() => stub.close());

  const sync = (options: { since?: Date; dryRun?: boolean; http?: Parameters<typeof testSyncDeps>[1] } = {}): Promise<SyncResult> =>
    syncOrganization(testSyncDeps(prisma, options.http, now), {
      organization: "nordhafen",
      vendor: "TABNINE",
      since: options.since ?? since,
      dryRun: options.dryRun,
    });

  async function expectConsistent(): Promise<void> {
    expect(await rollupsOf(prisma, organizationId)).toEqual(await recomputedRollups(prisma, organizationId));
  }

  it("links the Tabnine account of the organization's ADMIN and imports its usage, leaving its profile and role alone", async () => {
    const admin = await prisma.user.create({
      data: {
        organizationId,
        email: "jana.brandt@nordhafen.example",
        username: "jana",
        firstName: "Jana",
        lastName: "Brandt",
        role: "ADMIN",
      },
    });
    const result = await sync();
    expect(result.sources[0]!.errors).toEqual([]);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, include: { identities: true } });
    expect(after).toMatchObject({ role: "ADMIN", username: "jana", firstName: "Jana", status: "REGISTERED", teamId: null });
    expect(after.identities.map((i) => i.vendor)).toEqual(["TABNINE"]);
    expect(await prisma.usageEvent.count({ where: { userId: admin.id } })).toBeGreaterThan(0);
  });

  it("never changes the organization's domains, whatever Tabnine lists", async () => {
    const domains = ["nordhafen.example", "legacy.example"];
    await prisma.organization.update({ where: { id: organizationId }, data: { domains } });
    for (const listed of [[], ["nordhafen.example"], ["kestrel.test", "nordhafen.example", "legacy.example"]]) {
      stub.tabnine.organization.domains = listed;
      expect((await sync()).sources[0]!.errors).toEqual([]);
      expect((await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).domains).toEqual(domains);
    }
  });

  it("in production calls no loopback or private address with the credentials, unless the host is listed", async () => {
    const enforced = { enforce: true, allowedHosts: [] };
    const before = await dataChecksums(prisma);
    const refused = await sync({ http: { addressPolicy: enforced } });
    expect(stub.requests).toEqual([]);
    expect(refused.failed).toBeGreaterThan(0);
    expect(refused.sources[0]!.errors.join("\n")).toContain("the source's address is not allowed");
    expect(refused.sources[0]!.errors.join("\n")).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    expect(await dataChecksums(prisma)).toEqual(before);
    const listed = await sync({ http: { addressPolicy: { enforce: true, allowedHosts: ["127.0.0.1"] } } });
    expect(listed.sources[0]!.errors).toEqual([]);
    expect(stub.requests.length).toBeGreaterThan(0);
  });

  it("names an unreachable source without telling a closed port from a dead host", async () => {
    await stub.close();
    const result = await sync({ http: { maxAttempts: 1 } });
    const errors = result.sources[0]!.errors.join("\n");
    expect(errors).toContain("could not reach the source");
    expect(errors).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    stub = await startStubVendors({ tabnine: tabnineFixture(UNTIL, DAYS), maxPageSize: 2 }); // for afterEach
  });

  it("maps organization, license, teams, users with their Tabnine ids and roles, and daily usage; a second run changes nothing", async () => {
    const result = await sync();
    expect(result.sources[0]!.errors).toEqual([]);
    const events = expectedEvents(stub.tabnine);
    // 1 organization + 1 license + 3 teams + 7 users + the events
    expect(result).toMatchObject({ fetched: 12 + events, created: 1 + 3 + 7 + events, updated: 1, skipped: 0, failed: 0 });

    const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org).toMatchObject({ domains: [], plan: "Enterprise", samlEnabled: true, usernamePasswordEnabled: false });
    const source = await prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source).toMatchObject({ externalId: stub.tabnine.organization.id, lastError: null });
    expect(source.lastSyncAt).not.toBeNull();
    expect(source.cursor).toMatchObject({ organizationUsage: UNTIL, users: { "00000000-0000-4000-8000-000000000101": UNTIL } });
    expect(await prisma.license.findFirstOrThrow({ where: { organizationId } })).toMatchObject({
      seats: 500,
      seatsCap: 550,
      audience: "nordhafen-prod",
    });
    expect((await prisma.team.findMany({ where: { organizationId }, orderBy: { name: "asc" } })).map((t) => [t.id, t.name])).toEqual(
      stub.tabnine.teams.map((t) => [t.id, t.name]),
    );
    const lena = await prisma.user.findUniqueOrThrow({ where: { email: "lena.k@nordhafen.example" }, include: { identities: true } });
    expect(lena).toMatchObject({ teamId: stub.tabnine.teams[0]!.id, status: "REGISTERED" });
    expect(lena.identities).toMatchObject([
      { vendor: "TABNINE", externalId: "00000000-0000-4000-8000-000000000101", vendorRole: "TeamLead" },
    ]);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "gone.user@nordhafen.example" } })).toMatchObject({
      status: "DEACTIVATED",
      teamId: null,
    });
    expect(await prisma.usageEvent.count({ where: { organizationId } })).toBe(events);
    const completions = Object.values(stub.tabnine.usage)
      .flatMap((days) => Object.values(days))
      .reduce((sum, b) => sum + b.codeCompletions.completions, 0);
    const stored = await prisma.usageEvent.aggregate({ where: { organizationId, metric: "CODE_COMPLETIONS" }, _sum: { value: true } });
    expect(stored._sum.value).toBe(completions);
    await expectConsistent();

    const before = await dataChecksums(prisma);
    const again = await sync();
    expect(again).toMatchObject({ created: 0, updated: 0, failed: 0, skipped: 12 + events - 0 });
    expect(await dataChecksums(prisma)).toEqual(before);
  });

  it("resumes from the cursor: a later run pulls only the new days", async () => {
    await sync();
    const requestsBefore = stub.requests.length;
    const later = () => new Date(`2025-03-07T08:00:00Z`);
    const result = await syncOrganization(testSyncDeps(prisma, {}, later), { organization: "nordhafen" });
    const usageCalls = stub.requests.slice(requestsBefore).filter((r) => r.startsWith("GET /api/v1/user/usage"));
    expect(usageCalls.length).toBe(7);
    for (const call of usageCalls) expect(call).toContain(`from=${encodeURIComponent("2025-03-05T00:00:00.000Z")}`);
    expect(result.failed).toBe(0);
  });

  it("a dry run fetches and counts but writes nothing", async () => {
    const before = await dataChecksums(prisma);
    const sourceBefore = await prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    const result = await sync({ dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.created).toBeGreaterThan(100);
    expect(await dataChecksums(prisma)).toEqual(before);
    expect(await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).toEqual(sourceBefore);
  });

  it("retries 500s, honours 429 Retry-After, and retries slow answers past the timeout", async () => {
    stub.faults.push(
      { path: /^\/api\/v1\/organization\/teams$/, kind: "500", times: 2 },
      { path: /^\/api\/v1\/user\/usage$/, kind: "429", retryAfter: "1", times: 1 },
      { path: /^\/api\/v1\/license$/, kind: "slow", delayMs: 600, times: 1 },
    );
    const started = Date.now();
    const result = await sync({ http: { timeoutMs: 300 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000); // the Retry-After second
    expect(result.sources[0]!.errors).toEqual([]);
    expect(result.failed).toBe(0);
    expect(stub.faults.every((f) => f.times === 0)).toBe(true);
    expect(await prisma.usageEvent.count({ where: { organizationId } })).toBe(expectedEvents(stub.tabnine));
    await expectConsistent();
  });

  it("a failing endpoint fails its unit only: nothing of it is written, the error is on the source, a re-run completes", async () => {
    const mia = "00000000-0000-4000-8000-000000000104";
    const fault = { path: /^\/api\/v1\/user\/usage$/, url: new RegExp(`userId=${mia}`), kind: "malformed" as const, times: 1_000 };
    stub.faults.push(fault);

    const first = await sync();
    expect(first.failed).toBe(1);
    expect(first.sources[0]!.errors).toEqual([expect.stringMatching(new RegExp(`usage of Tabnine user ${mia} .*malformed JSON`))]);
    const source = await prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source.lastError).toMatch(/malformed JSON/);
    expect(source.lastSyncAt).toBeNull();
    expect((source.cursor as { users: Record<string, string> }).users[mia]).toBeUndefined();
    const miaUser = await prisma.user.findUniqueOrThrow({ where: { email: "mia.s@nordhafen.example" } });
    expect(await prisma.usageEvent.count({ where: { userId: miaUser.id } })).toBe(0);
    await expectConsistent();

    fault.times = 0;
    const second = await sync({ since: undefined });
    expect(second.failed).toBe(0);
    expect(await prisma.usageEvent.count({ where: { organizationId } })).toBe(expectedEvents(stub.tabnine));
    const healed = await prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(healed.lastError).toBeNull();
    expect(healed.lastSyncAt).not.toBeNull();
    await expectConsistent();
  });

  it("a directory endpoint failing for good writes no part of the directory", async () => {
    stub.faults.push({ path: /^\/api\/v1\/team\/[^/]+\/users$/, kind: "500", times: 1_000 });
    const result = await sync();
    expect(result.sources[0]!.errors).toEqual([
      expect.stringMatching(/^directory \(teams and users\): GET \/api\/v1\/team\/.*\/users: HTTP 500$/),
    ]);
    expect(await prisma.team.count({ where: { organizationId } })).toBe(0);
    expect(await prisma.user.count({ where: { organizationId } })).toBe(0);
    expect(await prisma.usageEvent.count({ where: { organizationId, userId: { not: null } } })).toBe(0);
    stub.faults.length = 0;
    const again = await sync();
    expect(again.failed).toBe(0);
    expect(await prisma.user.count({ where: { organizationId } })).toBe(7);
  });

  it("re-reads a listing that changed between pages, so no team is missed or doubled", async () => {
    let changed = false;
    stub.onPage = (path, offset) => {
      if (path === "/api/v1/organization/teams" && offset > 0 && !changed) {
        changed = true;
        stub.tabnine.teams.push({ id: "aaaaaaaa-0000-4000-8000-000000000001", name: "AAA team", isDefaultTeam: false });
        stub.tabnine.teamUsers["aaaaaaaa-0000-4000-8000-000000000001"] = [];
      }
    };
    const result = await sync();
    expect(result.failed).toBe(0);
    expect((await prisma.team.findMany({ where: { organizationId } })).map((t) => t.name).sort()).toEqual([
      "AAA team",
      "Backend team",
      "Default Team",
      "FE team",
    ]);
    expect(stub.requests.filter((r) => r.startsWith("GET /api/v1/organization/teams?offset=0")).length).toBe(2);
  });

  it("logs retries, failures and the summary, never the credentials", async () => {
    stub.faults.push({ path: /^\/api\/v1\/license$/, kind: "500", times: 1 }, { path: /^\/api\/v1\/user\/usage$/, kind: "401", times: 1 });
    const lines: string[] = [];
    await syncOrganization(testSyncDeps(prisma, {}, now, lines), { organization: "nordhafen", since });
    const log = lines.join("");
    expect(log).toMatch(/retrying vendor request/);
    expect(log).toMatch(/sync unit failed/);
    expect(log).toMatch(/source synced/);
    expect(log).not.toContain(TABNINE_STUB_TOKEN);
  });

  it("one run at a time per source: a second concurrent run is refused and writes nothing; a lease left by a dead run expires", async () => {
    const lease = () =>
      prisma.source.findUniqueOrThrow({ where: { id: sourceId }, select: { syncLeaseId: true, syncLeaseUntil: true, lastError: true } });
    const runs = await Promise.all([sync(), sync()]);
    const refused = runs.filter((run) => run.sources[0]!.errors.some((error) => /another sync of this source is running/.test(error)));
    expect(refused).toHaveLength(1);
    expect(runs.filter((run) => run.failed === 0)).toHaveLength(1);
    expect(await lease()).toMatchObject({ syncLeaseId: null, syncLeaseUntil: null, lastError: null });

    // A run that died holding the source: refused until its lease ends, then taken over.
    await prisma.source.update({
      where: { id: sourceId },
      data: { syncLeaseId: randomUUID(), syncLeaseUntil: new Date(Date.now() + 600_000) },
    });
    const before = await dataChecksums(prisma);
    const blocked = await sync();
    expect(blocked.sources[0]!.errors).toEqual([
      expect.stringMatching(/^source: another sync of this source is running \(its lease ends .+\); try again later$/),
    ]);
    expect(await dataChecksums(prisma)).toEqual(before);
    expect((await lease()).lastError).toBeNull();
    await prisma.source.update({ where: { id: sourceId }, data: { syncLeaseUntil: new Date(Date.now() - 1_000) } });
    expect((await sync()).failed).toBe(0);
    expect(await lease()).toMatchObject({ syncLeaseId: null, syncLeaseUntil: null });
  });

  it("refuses a wrong token: every unit fails, nothing is written, the source says why", async () => {
    await prisma.source.update({
      where: { id: sourceId },
      data: {
        encryptedCredentials: (await import("../../src/sources/credentials.js")).encryptCredentials(
          { token: "wrong" },
          (await import("../helpers/sync.js")).TEST_CREDENTIALS_KEY,
          organizationId,
          "TABNINE",
        ),
      },
    });
    const before = await dataChecksums(prisma);
    const result = await sync();
    expect(result.failed).toBeGreaterThan(0);
    expect(result.sources[0]!.errors.join("\n")).toMatch(/HTTP 401/);
    expect(result.sources[0]!.errors.join("\n")).not.toContain("wrong");
    expect(await dataChecksums(prisma)).toEqual(before);
  });
});
