import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import {
  TimeZoneActiveUserCountsDocument,
  TimeZoneActiveUsersDocument,
  TimeZoneUsageDocument,
  type Resolution,
} from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors } from "../helpers/graphql.js";
import { startSeededIngestServer, type IngestTestServer } from "../helpers/ingest.js";
import { STORE_KINDS, type TestStore } from "../helpers/stores.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Both DST changes of 2026 in two zones (UTC instants), each with the local midnights that bound its month. */
const CHANGES = [
  { zone: "Europe/Berlin", at: "2026-03-29T01:00:00Z", month: ["2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z"] },
  { zone: "Europe/Berlin", at: "2026-10-25T01:00:00Z", month: ["2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z"] },
  { zone: "America/New_York", at: "2026-03-08T07:00:00Z", month: ["2026-03-01T05:00:00Z", "2026-04-01T04:00:00Z"] },
  { zone: "America/New_York", at: "2026-11-01T06:00:00Z", month: ["2026-10-01T04:00:00Z", "2026-12-01T05:00:00Z"] },
  // PostgreSQL reads CET as a fixed offset, the IANA rules (Node's) give it Berlin's DST: buckets follow the IANA rules.
  { zone: "CET", at: "2026-10-25T01:00:00Z", month: ["2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z"] },
] as const;

interface Event {
  userId: string;
  metric: "CODE_COMPLETIONS" | "ACTIVE_USERS";
  at: Date;
  value: number;
}

/** A deterministic pseudo-random sequence (the test must reproduce its own failures). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The local calendar date of an instant, by Intl (independent of the gateway's bucket maths). */
function localDate(at: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The brute-force bucket label of an instant: its local day, the Monday of its local ISO week, or its local month. */
function localBucket(at: Date, zone: string, resolution: Resolution): string {
  const date = localDate(at, zone);
  if (resolution === "DAY") return date;
  if (resolution === "MONTH") return date.slice(0, 7);
  const noon = new Date(`${date}T12:00:00Z`);
  const monday = new Date(noon.getTime() - ((noon.getUTCDay() + 6) % 7) * DAY);
  return monday.toISOString().slice(0, 10);
}

/** [CODE_COMPLETIONS, ACTIVE_USERS] of one point or of the totals. */
function pair(values: readonly { metric: string; value: number }[]): [number, number] {
  const of = (metric: string) => values.find((value) => value.metric === metric)!.value;
  return [of("CODE_COMPLETIONS"), of("ACTIVE_USERS")];
}

function bruteForce(events: readonly Event[], zone: string, resolution: Resolution, from: Date, to: Date) {
  const sums = new Map<string, number>();
  const users = new Map<string, Set<string>>();
  const inRange = events.filter((event) => event.at >= from && event.at < to);
  for (const event of inRange) {
    const bucket = localBucket(event.at, zone, resolution);
    if (event.metric === "CODE_COMPLETIONS") sums.set(bucket, (sums.get(bucket) ?? 0) + event.value);
    else users.set(bucket, (users.get(bucket) ?? new Set()).add(event.userId));
  }
  const totalSum = inRange.filter((event) => event.metric === "CODE_COMPLETIONS").reduce((sum, event) => sum + event.value, 0);
  const totalUsers = new Set(inRange.filter((event) => event.metric === "ACTIVE_USERS").map((event) => event.userId)).size;
  return { sums, users, totalSum, totalUsers };
}

describe.each(STORE_KINDS)("usage on local calendars (%s)", (kind) => {
  let store: TestStore;
  let prisma: Prisma;
  let server: IngestTestServer;
  let admin: string;
  let teamId: string;
  let teamMembers: Set<string>;
  const events: Event[] = [];

  beforeAll(async () => {
    let organizationId: string;
    ({ store, prisma, server, admin, organizationId } = await startSeededIngestServer(kind)); // TEST_SEED's history ends in March 2025: 2026 holds only the events below
    const users = await prisma.user.findMany({
      where: { organizationId, role: "MEMBER", teamId: { not: null } },
      orderBy: { email: "asc" },
      take: 8,
    });
    teamId = users[0]!.teamId!;
    teamMembers = new Set((await prisma.user.findMany({ where: { teamId } })).map((user) => user.id));
    const next = random(20_261_201);
    for (const change of CHANGES) {
      const at = new Date(change.at).getTime();
      // Events spread over ten days either side of the change, and on the hours around local midnights.
      for (let i = 0; i < 120; i++) {
        const instant = new Date(at + Math.floor((next() * 20 - 10) * DAY));
        const userId = users[Math.floor(next() * users.length)]!.id;
        events.push({ userId, metric: next() < 0.5 ? "CODE_COMPLETIONS" : "ACTIVE_USERS", at: instant, value: 1 + Math.floor(next() * 9) });
      }
      for (let day = -3; day <= 3; day++) {
        const midnight = new Date(at - (at % DAY) + day * DAY);
        for (const offset of [-6, -5, -4, -2, -1, 0, 1, 2, 4, 5, 6]) {
          const userId = users[Math.floor(next() * users.length)]!.id;
          const instant = new Date(midnight.getTime() + offset * HOUR - (offset % 2 === 0 ? 1 : 0));
          events.push({ userId, metric: offset % 3 === 0 ? "CODE_COMPLETIONS" : "ACTIVE_USERS", at: instant, value: 2 });
        }
      }
    }
    const body = {
      events: events.map((event, index) => ({
        idempotencyKey: `tz-${index}`,
        organizationId,
        userId: event.userId,
        vendor: "TABNINE",
        metric: event.metric,
        timestamp: event.at.toISOString(),
        value: event.metric === "ACTIVE_USERS" ? 1 : event.value,
      })),
    };
    for (const event of events) if (event.metric === "ACTIVE_USERS") event.value = 1;
    const response = await server.ingest(body, admin);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
  });

  const ask = async (zone: string, resolution: Resolution, from: Date, to: Date) =>
    expectNoErrors(
      await server.request(
        TimeZoneUsageDocument,
        { teamId, from: from.toISOString(), to: to.toISOString(), resolution, timeZone: zone },
        admin,
      ),
    );

  it.each(CHANGES)("$zone around $at: days and weeks match a brute-force local grouping, sums and distinct users", async (change) => {
    const at = new Date(change.at).getTime();
    for (const resolution of ["DAY", "WEEK"] as const) {
      // From and to are local midnights: the first and last days are whole.
      const from = new Date(change.month[0]);
      const to = new Date(change.month[1]);
      const data = await ask(change.zone, resolution, from, to);
      const series = data.organization!.usage;
      expect(series.timeZone).toBe(change.zone);
      const expected = bruteForce(events, change.zone, resolution, from, to);
      const labels = series.points.map((point) => localBucket(new Date(point.from), change.zone, resolution));
      expect(new Set(labels).size).toBe(labels.length);
      for (const point of series.points) {
        const label = localBucket(new Date(point.from), change.zone, resolution);
        // A bucket starts at a local midnight: the instant before it is on the previous local date.
        expect(localDate(new Date(new Date(point.from).getTime() - 1), change.zone)).not.toBe(localDate(new Date(point.from), change.zone));
        const [sum, users] = pair(point.values);
        expect(sum, `${resolution} ${label} sum`).toBe(expected.sums.get(label) ?? 0);
        expect(users, `${resolution} ${label} users`).toBe(expected.users.get(label)?.size ?? 0);
      }
      expect(pair(series.totals)).toEqual([expected.totalSum, expected.totalUsers]);
      const team = bruteForce(
        events.filter((event) => teamMembers.has(event.userId)),
        change.zone,
        resolution,
        from,
        to,
      );
      expect(data.team!.usage.points.map((point) => pair(point.values))).toEqual(
        labels.map((label) => [team.sums.get(label) ?? 0, team.users.get(label)?.size ?? 0]),
      );
      // The columnar shape carries the same numbers.
      expect(series.columns.from).toEqual(series.points.map((point) => point.from));
      expect(series.columns.columns.map((column) => column.values)).toEqual(
        [0, 1].map((index) => series.points.map((point) => point.values[index]!.value)),
      );
    }
    // The day of the change lasts 23 hours in spring and 25 in autumn.
    const day = await ask(change.zone, "DAY", new Date(at - 2 * DAY), new Date(at + 2 * DAY));
    const changeDay = day.organization!.usage.points.find(
      (point) => new Date(point.from).getTime() <= at && at < new Date(point.to).getTime(),
    )!;
    const hours = (new Date(changeDay.to).getTime() - new Date(changeDay.from).getTime()) / HOUR;
    expect(hours).toBe(change.at.includes("-03-") ? 23 : 25);
  });

  it("months follow the local calendar, and UTC stays the default", async () => {
    const change = CHANGES[0];
    const from = new Date(change.month[0]);
    const to = new Date(change.month[1]);
    const local = (await ask(change.zone, "MONTH", from, to)).organization!.usage;
    const expected = bruteForce(events, change.zone, "MONTH", from, to);
    expect(local.points).toHaveLength(1);
    expect(pair(local.points[0]!.values)).toEqual([expected.sums.get("2026-03") ?? 0, expected.users.get("2026-03")!.size]);

    const utcFrom = new Date("2026-03-01T00:00:00Z");
    const utcTo = new Date("2026-04-01T00:00:00Z");
    const omitted = expectNoErrors(
      await server.request(
        TimeZoneUsageDocument,
        { teamId, from: utcFrom.toISOString(), to: utcTo.toISOString(), resolution: "DAY", timeZone: null },
        admin,
      ),
    ).organization!.usage;
    expect(omitted.timeZone).toBe("UTC");
    const utc = bruteForce(events, "UTC", "DAY", utcFrom, utcTo);
    expect(omitted.points.map((point) => pair(point.values)[0])).toEqual(
      omitted.points.map((point) => utc.sums.get(point.from.slice(0, 10)) ?? 0),
    );
    expect((await ask("Etc/UTC", "DAY", utcFrom, utcTo)).organization!.usage).toEqual(omitted);
  });

  it("counts the activeUsers calendar on local days and months", async () => {
    for (const change of CHANGES) {
      const month = Number(localDate(new Date(change.at), change.zone).slice(5, 7));
      const daily = expectNoErrors(await server.request(TimeZoneActiveUsersDocument, { year: 2026, month, timeZone: change.zone }, admin));
      const expected = bruteForce(events, change.zone, "DAY", new Date("2025-12-30T00:00:00Z"), new Date("2027-01-02T00:00:00Z"));
      const points = daily.organization!.activeUsers.points;
      expect(points.length).toBeGreaterThanOrEqual(28);
      for (const point of points) {
        const users = [...(expected.users.get(point.date) ?? [])].sort();
        expect(point.count, `${change.zone} ${point.date}`).toBe(users.length);
        expect(point.userIds).toEqual(users);
      }
      // Without userIds the counts come from the user sets: the same numbers.
      const counts = expectNoErrors(
        await server.request(TimeZoneActiveUserCountsDocument, { year: 2026, month, timeZone: change.zone }, admin),
      );
      expect(counts.organization!.activeUsers.points).toEqual(points.map(({ date, count }) => ({ date, count })));
    }
    for (const request of [TimeZoneActiveUsersDocument, TimeZoneActiveUserCountsDocument]) {
      const monthly = expectNoErrors(await server.request(request, { year: 2026, timeZone: "America/New_York" }, admin));
      const november = bruteForce(events, "America/New_York", "MONTH", new Date("2026-11-01T04:00:00Z"), new Date("2026-12-01T05:00:00Z"));
      expect(monthly.organization!.activeUsers.points.find((point) => point.date === "2026-11")!.count).toBe(
        november.users.get("2026-11")!.size,
      );
    }
  });

  it("refuses a name that is not an IANA zone, and zones not whole hours from UTC, naming the argument", async () => {
    const from = "2026-03-01T00:00:00Z";
    const to = "2026-03-02T00:00:00Z";
    for (const timeZone of ["Mars/Olympus_Mons", "+02:00", "", "../../etc/passwd"]) {
      const response = await server.request(TimeZoneUsageDocument, { teamId, from, to, resolution: "DAY", timeZone }, admin);
      const [message] = expectErrors(response, "BAD_USER_INPUT");
      expect(message).toMatch(/timeZone must be an IANA time zone name/);
      expect(response.body.errors![0]!.extensions).toMatchObject({ argument: "timeZone" });
    }
    const india = await server.request(TimeZoneUsageDocument, { teamId, from, to, resolution: "DAY", timeZone: "Asia/Kolkata" }, admin);
    expect(expectErrors(india, "BAD_USER_INPUT")[0]).toMatch(/not a whole number of hours from UTC/);
  });
});
