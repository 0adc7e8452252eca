import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { IngestUsageDocument, OrganizationUsageDocument } from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, TEST_SEED } from "../helpers/graphql.js";
import { recomputedRollups, rollupsOf, startIngestServer, tokenFor, type IngestTestServer, type RollupRow } from "../helpers/ingest.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";

const ADMIN = "admin@nordhafen.test"; // organization 1

function expectSameRollups(actual: RollupRow[], expected: RollupRow[]): void {
  expect(actual.map((r) => r.key)).toEqual(expected.map((r) => r.key));
  actual.forEach((row, i) => {
    expect(row.samples, row.key).toBe(expected[i]!.samples);
    expect(row.value, row.key).toBeCloseTo(expected[i]!.value, 6);
  });
}

async function eventCount(prisma: Prisma, organizationId: string): Promise<number> {
  return prisma.usageEvent.count({ where: { organizationId } });
}

describe.each(STORE_KINDS)("ingestion on %s", (kind) => {
  let store: TestStore;
  let server: IngestTestServer;
  let prisma: Prisma;
  let admin: string;
  let orgId: string;
  let otherOrgId: string;
  let user: { id: string; teamId: string | null };
  let tabnineUser: { userId: string; externalId: string; teamId: string | null };

  /** A Tabnine CODE_COMPLETIONS event of `user` (override anything). */
  const event = (key: string, timestamp: string, value = 1, overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: key,
    organizationId: orgId,
    userId: user.id,
    vendor: "TABNINE",
    metric: "CODE_COMPLETIONS",
    timestamp,
    value,
    ...overrides,
  });

  beforeAll(async () => {
    store = await createTestStore(kind, { seed: TEST_SEED });
    prisma = store.db.prisma;
    server = await startIngestServer(store);
    admin = await tokenFor(prisma, ADMIN);
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } });
    orgId = org.id;
    otherOrgId = (await prisma.organization.findFirstOrThrow({ where: { id: { not: orgId } } })).id;
    user = await prisma.user.findFirstOrThrow({
      where: { organizationId: orgId, role: "MEMBER", teamId: { not: null } },
      orderBy: { email: "asc" },
    });
    const identity = await prisma.identity.findFirstOrThrow({
      where: { organizationId: orgId, vendor: "TABNINE" },
      include: { user: true },
      orderBy: { externalId: "asc" },
    });
    tabnineUser = { userId: identity.userId, externalId: identity.externalId, teamId: identity.user.teamId };
  });
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
  });

  it("needs a token (401), an ADMIN or SUPERADMIN role (403), and the admin's own organization", async () => {
    const body = { events: [event("auth-1", "2025-03-04T10:00:00Z")] };
    const anonymous = await server.ingest(body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: "UNAUTHENTICATED" });
    const memberEmail = (await prisma.user.findFirstOrThrow({ where: { organizationId: orgId, role: "MEMBER", status: "REGISTERED" } }))
      .email;
    const member = await server.ingest(body, await tokenFor(prisma, memberEmail));
    expect(member.status).toBe(403);
    expect(member.body).toMatchObject({ error: "FORBIDDEN" });
    const otherOrg = await server.ingest(
      { events: [event("auth-2", "2025-03-04T10:00:00Z", 1, { organizationId: otherOrgId, userId: null, metric: "CODE_COMPLETIONS" })] },
      admin,
    );
    expect(otherOrg.status).toBe(400);
    expect(otherOrg.body.problems).toEqual([
      { list: "events", index: 0, field: "organizationId", reason: "not an organization you may ingest into" },
    ]);
    expect(await eventCount(prisma, otherOrgId)).toBe(
      await prisma.usageEvent.count({ where: { organizationId: otherOrgId, idempotencyKey: { startsWith: "seed:" } } }),
    );
  });

  it("refuses values that would poison the organization's aggregates (1e308), and its usage keeps answering", async () => {
    const before = await eventCount(prisma, orgId);
    const response = await server.ingest(
      { events: [event("huge-0", "2025-03-03T10:00:00Z", 1e308), event("huge-1", "2025-03-04T10:00:00Z", 1e308)] },
      admin,
    );
    expect(response.status).toBe(400);
    expect((response.body.problems as { index: number; field: string }[]).map((p) => [p.index, p.field])).toEqual([
      [0, "value"],
      [1, "value"],
    ]);
    expect(await eventCount(prisma, orgId)).toBe(before);
    // The largest allowed values, twice in one bucket, sum and read back exactly.
    const largest = await server.ingest(
      { events: [event("max-0", "2025-03-02T10:00:00Z", 1e12), event("max-1", "2025-03-02T10:30:00Z", 1e12)] },
      admin,
    );
    expect(largest.status, JSON.stringify(largest.body)).toBe(200);
    const usage = expectNoErrors(
      await server.request(
        OrganizationUsageDocument,
        {
          id: orgId,
          from: "2025-03-02T00:00:00Z",
          to: "2025-03-03T00:00:00Z",
          resolution: "DAY",
          vendor: "TABNINE",
          metrics: ["CODE_COMPLETIONS"],
        },
        admin,
      ),
    ).organization!.usage;
    expect(usage.totals.find((t) => t.metric === "CODE_COMPLETIONS")!.value).toBeGreaterThanOrEqual(2e12);
  });

  it("rejects an invalid batch with every problem and writes nothing", async () => {
    const before = await eventCount(prisma, orgId);
    const rollupsBefore = await rollupsOf(prisma, orgId);
    const response = await server.ingest(
      {
        events: [
          event("bad-0", "2025-03-04T10:00:00Z"),
          event("bad-1", "not a time"),
          event("bad-2", "2025-03-04T10:00:00Z", 1, { metric: "AUTOMATION_FACTOR" }),
          event("bad-3", "2025-03-04T10:00:00Z", 1, { userId: randomUUID() }),
          event("bad-4", "2025-03-04T10:00:00Z", 1, { identity: { vendor: "TABNINE", externalId: "nobody" }, userId: undefined }),
          event("bad-5", "2025-03-04T10:00:00Z", 1, { teamId: randomUUID() }),
          event("bad-6", "2025-03-04T10:00:00Z", 1, { metric: "MESSAGES_SENT" }),
        ],
      },
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "BAD_USER_INPUT", message: expect.stringMatching(/nothing was written/) as unknown });
    const problems = response.body.problems as { index: number; field: string }[];
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [1, "timestamp"],
      [2, "metric"],
      [3, "userId"],
      [4, "identity"],
      [5, "teamId"],
      [6, "vendor"],
    ]);
    expect(await eventCount(prisma, orgId)).toBe(before);
    expectSameRollups(await rollupsOf(prisma, orgId), rollupsBefore);
  });

  it("applies a batch once: a replay, or a known key with other content, changes nothing", async () => {
    const events = Array.from({ length: 50 }, (_, i) =>
      event(`replay-${i}`, `2025-03-04T${String(i % 24).padStart(2, "0")}:15:00Z`, i + 1),
    );
    const first = await server.ingest({ events }, admin);
    expect(first).toEqual({ status: 200, body: { received: 50, inserted: 50, duplicates: 0 } });
    const rollups = await rollupsOf(prisma, orgId);
    const lastActive = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastActiveAt;
    expect(lastActive!.getTime()).toBeGreaterThanOrEqual(Date.parse("2025-03-04T23:15:00Z"));

    expect(await server.ingest({ events }, admin)).toEqual({ status: 200, body: { received: 50, inserted: 0, duplicates: 50 } });
    const changed = [
      event("replay-0", "2025-03-04T20:00:00Z", 1000),
      event("replay-new", "2025-03-04T20:00:00Z", 7),
      event("replay-new", "2025-03-04T20:00:00Z", 7),
    ];
    expect((await server.ingest({ events: changed }, admin)).body).toEqual({ received: 3, inserted: 1, duplicates: 2 });
    const after = await rollupsOf(prisma, orgId);
    const userDay = (rows: RollupRow[]) => rows.find((r) => r.key === `DAY|USER|${user.id}|CODE_COMPLETIONS|TABNINE|NONE|2025-03-04T00`);
    expect(userDay(after)!.value - userDay(rollups)!.value).toBe(7);
    expectSameRollups(after, await recomputedRollups(prisma, orgId));
  });

  it("keeps rollups exact for out-of-order and late events", async () => {
    // Newest first, spread over hours of several days, including days the seed already rolled up.
    const times = [
      "2025-03-05T09:59:59.999Z",
      "2025-03-05T09:00:00Z",
      "2025-02-20T23:59:00Z",
      "2025-03-01T00:00:00Z",
      "2025-01-10T12:30:00Z",
      "2025-02-20T00:00:01Z",
    ];
    for (const [i, at] of times.entries()) {
      const response = await server.ingest(
        { events: [event(`late-${i}`, at, 10 + i), event(`late-${i}-org`, at, 0.25, { userId: null, metric: "PRODUCTIVITY_FACTOR" })] },
        admin,
      );
      expect(response.body).toMatchObject({ inserted: 2 });
    }
    // By identity; the team defaults to the user's current team.
    const byIdentity = await server.ingest(
      {
        events: [
          event("late-identity", "2024-12-31T23:00:00+02:00", 3, {
            userId: undefined,
            identity: { vendor: "TABNINE", externalId: tabnineUser.externalId },
            metric: "CHAT_ACTIVE_USERS",
          }),
        ],
      },
      admin,
    );
    expect(byIdentity.body).toMatchObject({ inserted: 1 });
    const stored = await prisma.usageEvent.findFirstOrThrow({ where: { organizationId: orgId, idempotencyKey: "late-identity" } });
    expect(stored).toMatchObject({
      userId: tabnineUser.userId,
      teamId: tabnineUser.teamId,
      metric: "CHAT_ACTIVE_USERS",
      occurredAt: new Date("2024-12-31T21:00:00Z"),
    });
    expectSameRollups(await rollupsOf(prisma, orgId), await recomputedRollups(prisma, orgId));
  });

  it("counts overlapping batches ingested concurrently once, without deadlocks", async () => {
    const users = await prisma.user.findMany({ where: { organizationId: orgId }, take: 12, orderBy: { id: "asc" } });
    const eventOf = (n: number) =>
      event(`conc-${n}`, `2025-03-0${1 + (n % 4)}T${String(n % 24).padStart(2, "0")}:00:00Z`, 1 + (n % 5), {
        userId: users[n % users.length]!.id,
        metric: n % 3 === 0 ? "ACTIVE_USERS" : "CODE_COMPLETIONS",
      });
    // Batch b covers keys [100 b, 100 b + 300), in shuffled orders: every batch overlaps others.
    const batches = Array.from({ length: 6 }, (_, b) => {
      const keys = Array.from({ length: 300 }, (_, i) => 100 * b + i);
      return (b % 2 === 0 ? keys : keys.reverse()).map(eventOf);
    });
    const responses = await Promise.all(batches.map((events) => server.ingest({ events }, admin)));
    for (const response of responses) expect(response.status, JSON.stringify(response.body)).toBe(200);
    const inserted = responses.reduce((sum, r) => sum + (r.body.inserted as number), 0);
    expect(inserted).toBe(800);
    expect(await prisma.usageEvent.count({ where: { organizationId: orgId, idempotencyKey: { startsWith: "conc-" } } })).toBe(800);
    expectSameRollups(await rollupsOf(prisma, orgId), await recomputedRollups(prisma, orgId));
  });

  it("accepts NDJSON and the ingestUsage mutation with the same validation and result", async () => {
    const lines = [event("nd-1", "2025-03-03T08:00:00Z", 2), event("nd-2", "2025-03-03T08:00:00Z", 1, { metric: "AI_COMPLETION" })];
    const ndjson = await server.ingest(lines.map((line) => JSON.stringify(line)).join("\n") + "\n", admin);
    expect(ndjson).toEqual({ status: 200, body: { received: 2, inserted: 2, duplicates: 0 } });
    expect((await server.ingest('{"oops"\n', admin)).body).toMatchObject({
      error: "BAD_USER_INPUT",
      problems: [{ list: "events", index: 0 }],
    });

    const input = { events: [event("gql-1", "2025-03-03T09:00:00Z", 4, { metric: "AI_CHAT" }), event("nd-1", "2025-03-03T08:00:00Z", 2)] };
    const result = expectNoErrors(await server.request(IngestUsageDocument, { input } as never, admin));
    expect(result.ingestUsage).toEqual({ received: 2, inserted: 1, duplicates: 1 });
    const stored = await prisma.usageEvent.findFirstOrThrow({ where: { organizationId: orgId, idempotencyKey: "gql-1" } });
    expect(stored.metric).toBe("CHAT_INTERACTIONS");

    const invalid = await server.request(IngestUsageDocument, { input: { events: [event("gql-2", "2025-03-03", 1)] } } as never, admin);
    expectErrors(invalid, "BAD_USER_INPUT");
    expect(invalid.body.errors![0]!.extensions.problems).toEqual([
      { list: "events", index: 0, field: "timestamp", reason: expect.stringMatching(/ISO 8601/) as unknown },
    ]);
    expectErrors(await server.request(IngestUsageDocument, { input } as never), "UNAUTHENTICATED");
  });

  it("upserts teams, users with identities and devices before the events that use them", async () => {
    const teamId = randomUUID();
    const body = {
      teams: [{ organizationId: orgId, id: teamId, name: "Ingested team" }],
      users: [
        {
          organizationId: orgId,
          email: "new.person@nordhafen.test",
          firstName: "New",
          lastName: "Person",
          teamId,
          identities: [{ vendor: "ROCKETCHAT", externalId: "rc-new-person" }],
        },
      ],
      devices: [
        {
          organizationId: orgId,
          identity: { vendor: "ROCKETCHAT", externalId: "rc-new-person" },
          vendor: "ROCKETCHAT",
          externalId: "dev-new-1",
          os: "Linux",
          client: "desktop",
          lastSeenAt: "2025-03-04T10:00:00Z",
        },
      ],
      events: [
        event("dir-1", "2025-03-04T10:00:00Z", 5, {
          userId: undefined,
          identity: { vendor: "ROCKETCHAT", externalId: "rc-new-person" },
          vendor: "ROCKETCHAT",
          metric: "MESSAGES_SENT",
          roomType: "DIRECT",
        }),
        event("dir-2", "2025-03-04T10:00:00Z", 1, {
          userId: undefined,
          identity: { vendor: "ROCKETCHAT", externalId: "rc-new-person" },
          vendor: "ROCKETCHAT",
          metric: "ACTIVE_USERS",
        }),
      ],
    };
    expect((await server.ingest(body, admin)).body).toEqual({ received: 2, inserted: 2, duplicates: 0 });
    const created = await prisma.user.findUniqueOrThrow({
      where: { email: "new.person@nordhafen.test" },
      include: { identities: true, devices: true },
    });
    expect(created).toMatchObject({
      organizationId: orgId,
      teamId,
      firstName: "New",
      username: "new.person",
      role: "MEMBER",
      lastActiveAt: new Date("2025-03-04T10:00:00Z"),
    });
    expect(created.identities.map((i) => [i.vendor, i.externalId])).toEqual([["ROCKETCHAT", "rc-new-person"]]);
    expect(created.devices.map((d) => [d.externalId, d.os])).toEqual([["dev-new-1", "Linux"]]);
    const rollups = await rollupsOf(prisma, orgId);
    expect(rollups.find((r) => r.key === `DAY|TEAM|${teamId}|MESSAGES_SENT|ROCKETCHAT|DIRECT|2025-03-04T00`)).toMatchObject({
      value: 5,
      samples: 1,
    });

    // Replayed with a changed device and name: the directory is updated, the events are not counted again.
    const again = {
      ...body,
      users: [{ ...body.users[0]!, firstName: "Renamed" }],
      devices: [{ ...body.devices[0]!, os: "Windows", lastSeenAt: "2025-03-05T10:00:00Z" }],
    };
    expect((await server.ingest(again, admin)).body).toEqual({ received: 2, inserted: 0, duplicates: 2 });
    const updated = await prisma.user.findUniqueOrThrow({ where: { email: "new.person@nordhafen.test" }, include: { devices: true } });
    expect(updated.firstName).toBe("Renamed");
    expect(updated.devices.map((d) => [d.os, d.firstSeenAt.toISOString(), d.lastSeenAt.toISOString()])).toEqual([
      ["Windows", "2025-03-04T10:00:00.000Z", "2025-03-05T10:00:00.000Z"],
    ]);
    expectSameRollups(await rollupsOf(prisma, orgId), rollups);

    const clash = await server.ingest(
      {
        events: [],
        users: [
          { organizationId: orgId, email: "other@nordhafen.test", identities: [{ vendor: "ROCKETCHAT", externalId: "rc-new-person" }] },
        ],
      },
      admin,
    );
    expect(clash.body).toMatchObject({ problems: [{ list: "users", index: 0, field: "identities.0", reason: "belongs to another user" }] });
  });

  it("enforces the configured body size (413) and batch size (400)", async () => {
    const limited = await startIngestServer(store, { INGEST_MAX_BODY_BYTES: "2048", INGEST_MAX_EVENTS: "3" });
    try {
      const big = { events: Array.from({ length: 20 }, (_, i) => event(`big-${i}`, "2025-03-04T10:00:00Z")) };
      const tooLarge = await limited.ingest(big, admin);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ error: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/2048 bytes/) as unknown });
      const tooMany = await limited.ingest({ events: big.events.slice(0, 4) }, admin);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.problems).toEqual([
        { list: "batch", index: null, field: "events", reason: expect.stringMatching(/at most 3 events/) as unknown },
      ]);
      expect((await limited.ingest("x", admin, "text/plain")).status).toBe(415);
    } finally {
      await limited.close();
    }
  });
});
