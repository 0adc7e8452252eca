import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { syncOrganization, type SyncResult } from "../../src/sources/sync.service.js";
import { recomputedRollups, rollupsOf } from "../helpers/ingest.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";
import {
  ROCKETCHAT_STUB_TOKEN,
  ROCKETCHAT_STUB_USER,
  rocketChatFixture,
  startStubVendors,
  type StubVendors,
} from "../helpers/stub-vendors.js";
import { createOrganizationWithSource, dataChecksums, testSyncDeps } from "../helpers/sync.js";

const UNTIL = "2025-03-05";
const DAYS = 8;
const since = new Date("2025-02-25T00:00:00Z");
const now = () => new Date(`${UNTIL}T12:00:00Z`);
const KNOWN = ["rcUser00000000001", "rcUser00000000002", "rcUser00000000003"]; // rcUser00000000004 has no identity

describe.each(STORE_KINDS)("Rocket.Chat pull connector (%s)", (kind) => {
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
    stub = await startStubVendors({ rocketchat: rocketChatFixture(UNTIL, DAYS), maxPageSize: 3 });
    ({ organizationId, sourceId } = await createOrganizationWithSource(prisma, {
      slug: "kestrel",
      vendor: "ROCKETCHAT",
      baseUrl: stub.url,
      credentials: { userId: ROCKETCHAT_STUB_USER, authToken: ROCKETCHAT_STUB_TOKEN },
    }));
    for (const [n, externalId] of KNOWN.entries()) {
      const user = await prisma.user.create({
        data: { organizationId, email: `u${n}@kestrel.test`, username: `u${n}`, firstName: "", lastName: "" },
      });
      await prisma.identity.create({ data: { organizationId, userId: user.id, vendor: "ROCKETCHAT", externalId } });
    }
  });
  afterEach(() => stub.close());

  const sync = (options: { since?: Date; at?: () => Date } = {}): Promise<SyncResult> =>
    syncOrganization(testSyncDeps(prisma, {}, options.at ?? now), {
      organization: "kestrel",
      vendor: "ROCKETCHAT",
      since: options.since ?? since,
    });

  const expectedActive = () =>
    Object.entries(stub.rocketchat.active)
      .filter(([day]) => day >= "2025-02-25" && day < UNTIL)
      .reduce((n, [, ids]) => n + ids.filter((id) => KNOWN.includes(id)).length, 0);

  it("stores new snapshots whole and per-user daily active users by Rocket.Chat id; a second run changes nothing", async () => {
    const result = await sync();
    expect(result.sources[0]!.errors).toEqual([]);
    const snapshots = await prisma.workspaceStatisticsSnapshot.findMany({ where: { organizationId }, orderBy: { takenAt: "asc" } });
    expect(snapshots.map((s) => s.id)).toEqual(stub.rocketchat.snapshots.map((s) => s._id));
    expect(JSON.stringify(snapshots.at(-1)!.payload)).toBe(JSON.stringify(stub.rocketchat.snapshots.at(-1)));
    expect(snapshots.at(-1)).toMatchObject({ totalUsers: 47, totalMessages: 1000 + 7 * 37, vendor: "ROCKETCHAT" });
    expect((await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).externalId).toBe("rcWorkspaceUnique1");
    const events = await prisma.usageEvent.findMany({ where: { organizationId, metric: "ACTIVE_USERS", vendor: "ROCKETCHAT" } });
    expect(events.length).toBe(expectedActive());
    expect(result.created).toBe(DAYS + expectedActive());
    expect(await rollupsOf(prisma, organizationId)).toEqual(await recomputedRollups(prisma, organizationId));

    const before = await dataChecksums(prisma);
    const again = await sync();
    expect(again).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await dataChecksums(prisma)).toEqual(before);
  });

  it("resumes: only the new snapshot page and the new days are read", async () => {
    await sync();
    stub.rocketchat.snapshots.push({
      _id: "snapNEWxxxxxxxxxx",
      uniqueId: "rcWorkspaceUnique1",
      totalUsers: 50,
      createdAt: `${UNTIL}T00:10:00.000Z`,
    });
    stub.rocketchat.active[UNTIL] = [KNOWN[0]!];
    const mark = stub.requests.length;
    const result = await syncOrganization(
      testSyncDeps(prisma, {}, () => new Date("2025-03-06T09:00:00Z")),
      { organization: "kestrel" },
    );
    expect(result.failed).toBe(0);
    const calls = stub.requests.slice(mark);
    expect(calls.filter((c) => c.includes("statistics.list"))).toHaveLength(1);
    expect(calls.filter((c) => c.includes("active-users"))).toEqual([
      expect.stringContaining(`start=${encodeURIComponent(`${UNTIL}T00:00:00.000Z`)}`),
    ]);
    expect(result.created).toBe(2);
  });

  it("retries a 503 with Retry-After on a page; a malformed engagement answer fails only its unit, and a re-run completes", async () => {
    stub.faults.push(
      { path: /^\/api\/v1\/statistics\.list$/, url: /offset=3/, kind: "503", retryAfter: "0", times: 2 },
      { path: /^\/api\/v1\/engagement-dashboard\/users\/active-users$/, kind: "malformed", times: 100 },
    );
    const first = await sync();
    expect(first.sources[0]!.errors).toEqual([expect.stringMatching(/^active users 2025-02-25\.\.2025-03-04: .*malformed JSON/)]);
    expect(await prisma.workspaceStatisticsSnapshot.count({ where: { organizationId } })).toBe(DAYS);
    expect(await prisma.usageEvent.count({ where: { organizationId } })).toBe(0);
    expect((await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).lastError).toMatch(/malformed JSON/);

    stub.faults.length = 0;
    const second = await sync();
    expect(second.failed).toBe(0);
    expect(await prisma.usageEvent.count({ where: { organizationId } })).toBe(expectedActive());
    expect((await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).lastError).toBeNull();
  });

  it("a snapshot taken while the list is paged is stored once, and none is missed", async () => {
    let added = false;
    stub.onPage = (path, offset) => {
      if (path === "/api/v1/statistics.list" && offset > 0 && !added) {
        added = true;
        stub.rocketchat.snapshots.push({ _id: "snapDURINGxxxxxxx", totalUsers: 48, createdAt: `${UNTIL}T00:05:00.000Z` });
      }
    };
    const result = await sync();
    expect(result.failed).toBe(0);
    // Every snapshot that existed when the listing started is stored once (the shift showed one twice)...
    const ids = (await prisma.workspaceStatisticsSnapshot.findMany({ where: { organizationId } })).map((s) => s.id).sort();
    expect(ids).toEqual(
      stub.rocketchat.snapshots
        .filter((s) => s._id !== "snapDURINGxxxxxxx")
        .map((s) => s._id as string)
        .sort(),
    );
    // ...and the one taken meanwhile is read by the next run.
    await sync();
    expect(await prisma.workspaceStatisticsSnapshot.count({ where: { organizationId } })).toBe(DAYS + 1);
  });

  it("a snapshot chunk that cannot be written is not written at all; the next run stores it", async () => {
    // The id of one snapshot is already taken by another organization's snapshot (ids are global).
    const other = await prisma.organization.create({ data: { slug: "other", name: "other" } });
    const taken = stub.rocketchat.snapshots[4]!._id as string;
    await prisma.workspaceStatisticsSnapshot.create({
      data: {
        id: taken,
        organizationId: other.id,
        vendor: "ROCKETCHAT",
        takenAt: new Date(),
        totalUsers: 0,
        activeUsers: 0,
        onlineUsers: 0,
        totalRooms: 0,
        totalMessages: 0,
        payload: {},
      },
    });
    const result = await sync();
    expect(result.sources[0]!.errors).toEqual([expect.stringMatching(/^statistics snapshots .*: /)]);
    expect(await prisma.workspaceStatisticsSnapshot.count({ where: { organizationId } })).toBe(0);
    expect(await prisma.usageEvent.count({ where: { organizationId } })).toBe(expectedActive()); // the other unit committed
    await prisma.workspaceStatisticsSnapshot.delete({ where: { id: taken } });
    expect((await sync()).failed).toBe(0);
    expect(await prisma.workspaceStatisticsSnapshot.count({ where: { organizationId } })).toBe(DAYS);
  });
});
