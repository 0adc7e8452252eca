import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { AggregateUsageDocument, type Resolution } from "../__generated__/graphql.js";
import { expectNoErrors } from "../helpers/graphql.js";
import { startSeededIngestServer, type IngestTestServer } from "../helpers/ingest.js";
import { STORE_KINDS, type TestStore } from "../helpers/stores.js";

// Random interleavings of ingests, replays (verbatim and altered), late and out-of-order events
// and team moves; after each, every stored aggregate of the run's window (sums and user sets,
// hourly and daily, organization, team and user) and the API's weekly and monthly series equal a
// brute-force count over the events the model says were accepted, and the organization's
// all-time rows equal its daily ones summed and OR-ed. The seed is fixed
// (AGGREGATES_SEED overrides it); on failure fast-check prints the seed and the failing run (not
// shrunk: the store's state builds up from run to run).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOW_DAYS = 16;
/** A Monday after the seed's history (events may not be in the future): each run gets its own four weeks from here. */
const BASE = Date.parse("2025-06-02T00:00:00Z");
const METRICS = ["CODE_COMPLETIONS", "ACTIVE_USERS", "COMPLETION_ACTIVE_USERS", "CHAT_ACTIVE_USERS"] as const;
type Metric = (typeof METRICS)[number];
const DISTINCT = new Set<Metric>(["ACTIVE_USERS", "COMPLETION_ACTIVE_USERS", "CHAT_ACTIVE_USERS"]);

interface GeneratedEvent {
  user: number;
  metric: Metric;
  minute: number;
  value: number;
  /** An explicit team (index), or the user's current team. */
  team: number | null;
}

type Operation =
  | { kind: "ingest"; events: GeneratedEvent[] }
  | { kind: "replay"; batch: number; altered: boolean }
  | { kind: "move"; user: number; team: number };

const event = fc.record({
  user: fc.nat({ max: 5 }),
  metric: fc.constantFrom(...METRICS),
  minute: fc.nat({ max: WINDOW_DAYS * 24 * 60 - 1 }),
  value: fc.integer({ min: 1, max: 9 }),
  team: fc.option(fc.nat({ max: 2 }), { freq: 4 }),
});
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("ingest" as const), events: fc.array(event, { minLength: 1, maxLength: 25 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("replay" as const), batch: fc.nat({ max: 5 }), altered: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("move" as const), user: fc.nat({ max: 5 }), team: fc.nat({ max: 2 }) }) },
);

interface AcceptedEvent {
  userId: string;
  teamId: string | null;
  metric: Metric;
  at: number;
  value: number;
}

const utcDay = (at: number) => at - (at % DAY);
const utcHour = (at: number) => at - (at % HOUR);
const utcWeek = (at: number) => utcDay(at) - ((new Date(at).getUTCDay() + 6) % 7) * DAY;
const utcMonth = (at: number) => Date.UTC(new Date(at).getUTCFullYear(), new Date(at).getUTCMonth(), 1);

/** Brute force: per key, the sum, the number of events and the distinct users. */
function aggregate(events: readonly AcceptedEvent[], keysOf: (event: AcceptedEvent) => string[]) {
  const out = new Map<string, { sum: number; samples: number; users: Set<string> }>();
  for (const e of events)
    for (const key of keysOf(e)) {
      const cell = out.get(key) ?? { sum: 0, samples: 0, users: new Set<string>() };
      cell.sum += e.value;
      cell.samples += 1;
      cell.users.add(e.userId);
      out.set(key, cell);
    }
  return out;
}

const iso = (at: number | Date) => new Date(at).toISOString();

describe.each(STORE_KINDS)("pre-aggregated sums and distinct users against a brute-force count (%s)", (kind) => {
  let store: TestStore;
  let prisma: Prisma;
  let server: IngestTestServer;
  let admin: string;
  let organizationId: string;
  let users: { id: string; email: string }[];
  let teams: string[];
  let run = 0;
  let acceptedInAll = 0;

  beforeAll(async () => {
    ({ store, prisma, server, admin, organizationId } = await startSeededIngestServer(kind));
    users = await prisma.user.findMany({
      where: { organizationId, role: "MEMBER", teamId: { not: null } },
      orderBy: { email: "asc" },
      take: 6,
      select: { id: true, email: true },
    });
    teams = (await prisma.team.findMany({ where: { organizationId }, orderBy: { name: "asc" }, take: 3 })).map((team) => team.id);
    expect(users).toHaveLength(6);
    expect(teams).toHaveLength(3);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
  });

  async function apply(operations: Operation[]): Promise<{ accepted: AcceptedEvent[]; from: number }> {
    const from = BASE + run * 28 * DAY;
    const prefix = `${kind}-p${run++}`;
    const currentTeam = new Map(
      (await prisma.user.findMany({ where: { id: { in: users.map((u) => u.id) } } })).map((user) => [user.id, user.teamId]),
    );
    const batches: { body: Record<string, unknown>[]; events: AcceptedEvent[] }[] = [];
    const accepted = new Map<string, AcceptedEvent>();
    for (const op of operations) {
      if (op.kind === "move") {
        const user = users[op.user]!;
        const response = await server.ingest({ events: [], users: [{ organizationId, email: user.email, teamId: teams[op.team] }] }, admin);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        currentTeam.set(user.id, teams[op.team]!);
        continue;
      }
      if (op.kind === "replay") {
        const batch = batches[op.batch % Math.max(batches.length, 1)];
        if (!batch) continue;
        // The same keys again; altered: other values, times and teams, which must change nothing.
        const body = op.altered
          ? batch.body.map((e, i) => ({
              ...e,
              value: Number(e.value) + 1,
              timestamp: iso(from + ((i * 7919) % WINDOW_DAYS) * HOUR),
              teamId: teams[i % 3],
            }))
          : batch.body;
        const response = await server.ingest({ events: body }, admin);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        continue;
      }
      const index = batches.length;
      const events = op.events.map((e, i) => {
        const userId = users[e.user]!.id;
        const at = from + e.minute * 60_000;
        const value = DISTINCT.has(e.metric) ? 1 : e.value;
        const teamId = e.team === null ? (currentTeam.get(userId) ?? null) : teams[e.team]!;
        const body = {
          idempotencyKey: `${prefix}-${index}-${i}`,
          organizationId,
          userId,
          vendor: "TABNINE",
          metric: e.metric,
          timestamp: iso(at),
          value,
          ...(e.team === null ? {} : { teamId }),
        };
        return { body, event: { userId, teamId, metric: e.metric, at, value } };
      });
      const response = await server.ingest({ events: events.map((e) => e.body) }, admin);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      for (const { body, event } of events) accepted.set(body.idempotencyKey, event);
      batches.push({ body: events.map((e) => e.body), events: events.map((e) => e.event) });
    }
    return { accepted: [...accepted.values()], from };
  }

  async function expectStoredAggregates(accepted: AcceptedEvent[], from: number): Promise<void> {
    const to = from + WINDOW_DAYS * DAY;
    const keys = (e: AcceptedEvent) =>
      (["HOUR", "DAY"] as const).flatMap((grain) => {
        const bucket = iso(grain === "HOUR" ? utcHour(e.at) : utcDay(e.at));
        const scopes: [string, string | null][] = [
          ["ORGANIZATION", organizationId],
          ["TEAM", e.teamId],
          ["USER", e.userId],
        ];
        return scopes.filter(([, id]) => id !== null).map(([scope, id]) => `${grain}|${scope}|${id}|${e.metric}|${bucket}`);
      });
    const expected = aggregate(accepted, keys);
    const rollups = await prisma.$queryRawUnsafe<{ key: string; value: number; samples: number }[]>(
      `SELECT concat_ws('|', "grain", "scope", "scopeId", "metric", to_char("bucketStart" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS key,
         "value"::float8 AS value, "samples" FROM "UsageRollup"
       WHERE "organizationId" = $1::uuid AND "bucketStart" >= $2::timestamptz AND "bucketStart" < $3::timestamptz`,
      organizationId,
      iso(from),
      iso(to),
    );
    expect(new Map(rollups.map((r) => [r.key, [r.value, r.samples]]))).toEqual(
      new Map([...expected].map(([key, cell]) => [key, [cell.sum, cell.samples]])),
    );
    const sets = await prisma.$queryRawUnsafe<{ key: string; users: number }[]>(
      `SELECT concat_ws('|', "grain", "scope", "scopeId", "metric", to_char("bucketStart" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS key,
         bit_count("users")::int AS users FROM "UsageUserSet"
       WHERE "organizationId" = $1::uuid AND "bucketStart" >= $2::timestamptz AND "bucketStart" < $3::timestamptz`,
      organizationId,
      iso(from),
      iso(to),
    );
    expect(new Map(sets.map((s) => [s.key, s.users]))).toEqual(
      new Map(
        [...expected]
          .filter(([key]) => DISTINCT.has(key.split("|")[3] as Metric) && !key.includes("|USER|"))
          .map(([key, cell]) => [key, cell.users.size]),
      ),
    );
  }

  /** The organization's all-time rows (TOTAL grain) equal its daily rows summed and OR-ed. */
  async function expectAllTimeTotals(): Promise<void> {
    const [sums] = await prisma.$queryRawUnsafe<{ total: number; days: number }[]>(
      `SELECT (SELECT coalesce(sum("value"), 0) FROM "UsageRollup" WHERE "organizationId" = $1::uuid AND "grain" = 'TOTAL')::float8 AS total,
              (SELECT coalesce(sum("value"), 0) FROM "UsageRollup" WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION')::float8 AS days`,
      organizationId,
    );
    expect(sums!.total).toBeCloseTo(sums!.days, 6); // summed in another order
    const sets = await prisma.$queryRawUnsafe<{ metric: string; total: number; days: number }[]>(
      `SELECT t."metric"::text AS metric, bit_count(t."users")::int AS total,
         (SELECT bit_count(bit_or(d."users")) FROM "UsageUserSet" d WHERE d."organizationId" = t."organizationId" AND d."grain" = 'DAY'
            AND d."scope" = 'ORGANIZATION' AND d."metric" = t."metric" AND d."vendor" = t."vendor")::int AS days
       FROM "UsageUserSet" t WHERE t."organizationId" = $1::uuid AND t."grain" = 'TOTAL'`,
      organizationId,
    );
    expect(sets.length).toBeGreaterThan(0);
    for (const row of sets) expect(row.total, row.metric).toBe(row.days);
  }

  async function expectSeries(accepted: AcceptedEvent[], from: number, resolution: Resolution, teamId: string): Promise<void> {
    const to = from + WINDOW_DAYS * DAY;
    const bucketOf = resolution === "WEEK" ? utcWeek : utcMonth;
    const data = expectNoErrors(await server.request(AggregateUsageDocument, { teamId, from: iso(from), to: iso(to), resolution }, admin));
    for (const [series, events] of [
      [data.organization!.usage, accepted],
      [data.team!.usage, accepted.filter((e) => e.teamId === teamId)],
    ] as const) {
      const cells = aggregate(events, (e) => [`${e.metric}|${iso(Math.max(bucketOf(e.at), from))}`, `${e.metric}|total`]);
      const valueOf = (key: string, metric: Metric) => {
        const cell = cells.get(`${metric}|${key}`);
        return DISTINCT.has(metric) ? (cell?.users.size ?? 0) : (cell?.sum ?? 0);
      };
      for (const point of series.points)
        for (const value of point.values)
          expect(value.value, `${resolution} ${point.from} ${value.metric}`).toBe(
            valueOf(iso(Date.parse(point.from)), value.metric as Metric),
          );
      for (const total of series.totals)
        expect(total.value, `${resolution} total ${total.metric}`).toBe(valueOf("total", total.metric as Metric));
    }
  }

  it("every aggregate equals a recomputation from the accepted events", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), fc.nat({ max: 2 }), async (operations, team) => {
        const { accepted, from } = await apply(operations);
        acceptedInAll += accepted.length;
        await expectStoredAggregates(accepted, from);
        await expectAllTimeTotals();
        await expectSeries(accepted, from, "WEEK", teams[team]!);
        await expectSeries(accepted, from, "MONTH", teams[team]!);
      }),
      { numRuns: 12, seed: Number(process.env.AGGREGATES_SEED ?? 20_261_201), endOnFailure: true },
    );
    expect(acceptedInAll).toBeGreaterThan(100); // the runs wrote what they checked
  }, 600_000);

  it("gives new users ordinals and grows every bitmap of the organization together, counts intact", async () => {
    const { domains } = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const days = ["2026-06-10T10:00:00Z", "2026-06-11T10:00:00Z"];
    const sizes = [150, 400];
    for (const [round, size] of sizes.entries()) {
      const emails = Array.from({ length: size }, (_, i) => `grow-${kind}-${round}-${i}@${domains[0]}`);
      const created = await server.ingest({ events: [], users: emails.map((email) => ({ organizationId, email })) }, admin);
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const ids = (await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } })).map((u) => u.id);
      const events = ids.map((userId, i) => ({
        idempotencyKey: `grow-${kind}-${round}-${i}`,
        organizationId,
        userId,
        vendor: "TABNINE",
        metric: "ACTIVE_USERS",
        timestamp: days[round],
        value: 1,
      }));
      expect((await server.ingest({ events }, admin)).status).toBe(200);
      const [bits] = await prisma.$queryRawUnsafe<{ ordinals: number; bits: number; lengths: number[] }[]>(
        `SELECT o."userOrdinals" AS ordinals, o."userSetBits" AS bits,
           (SELECT array_agg(DISTINCT length(s."users")) FROM "UsageUserSet" s WHERE s."organizationId" = o."id") AS lengths
         FROM "Organization" o WHERE o."id" = $1::uuid`,
        organizationId,
      );
      expect(bits!.ordinals).toBeLessThanOrEqual(bits!.bits);
      expect(bits!.lengths).toEqual([bits!.bits]); // every bitmap padded to the organization's length
      for (const [index, day] of days.slice(0, round + 1).entries()) {
        const from = Date.parse(day) - 10 * HOUR;
        const data = expectNoErrors(
          await server.request(
            AggregateUsageDocument,
            { teamId: teams[0]!, from: iso(from), to: iso(from + DAY), resolution: "DAY" },
            admin,
          ),
        );
        const active = data.organization!.usage.totals.find((total) => total.metric === "ACTIVE_USERS")!.value;
        expect(active, day).toBe(sizes[index]);
      }
    }
  }, 300_000);
});
