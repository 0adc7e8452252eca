import { describe, expect, it } from "vitest";
import { ndjsonEvents } from "./ingest.route.js";
import { parseBatch } from "./ingest.schema.js";

const ORG = "5f0c2a8e-3b1d-4c6e-9f7a-1b2c3d4e5f60";
const USER = "6a1d3b9f-4c2e-4d7f-8a8b-2c3d4e5f6a71";
const NOW = new Date("2025-03-05T12:00:00Z");
const LIMITS = { maxEvents: 100 };

const event = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: "k1",
  organizationId: ORG,
  userId: USER,
  vendor: "TABNINE",
  metric: "CODE_COMPLETIONS",
  timestamp: "2025-03-05T10:00:00Z",
  value: 3,
  ...overrides,
});

describe("parseBatch", () => {
  it("refuses values no metric can hold, naming the event: too large for its kind, non-positive distinct users", () => {
    const { problems } = parseBatch(
      {
        events: [
          event({ value: 1e308 }),
          event({ idempotencyKey: "k2", value: 1e12 }),
          event({ idempotencyKey: "k3", metric: "PRODUCTIVITY_FACTOR", userId: null, value: 2e6 }),
          event({ idempotencyKey: "k4", metric: "ACTIVE_USERS", value: 0 }),
          event({ idempotencyKey: "k5", metric: "ACTIVE_USERS", value: 1 }),
          event({ idempotencyKey: "k6", value: Number.MAX_VALUE }),
        ],
      },
      LIMITS,
      NOW,
    );
    expect(problems).toEqual([
      { list: "events", index: 0, field: "value", reason: "must be at most 1e+12 for CODE_COMPLETIONS" },
      { list: "events", index: 2, field: "value", reason: "must be at most 1e+6 for PRODUCTIVITY_FACTOR" },
      { list: "events", index: 3, field: "value", reason: "ACTIVE_USERS counts distinct users: the value must be positive" },
      { list: "events", index: 5, field: "value", reason: "must be at most 1e+12 for CODE_COMPLETIONS" },
    ]);
  });

  it("accepts a valid batch, maps aliases to stored metrics and defaults roomType", () => {
    const { batch, problems } = parseBatch(
      {
        events: [
          event(),
          event({ idempotencyKey: "k2", metric: "AI_CHAT" }),
          event({ idempotencyKey: "k3", metric: "ACTIVE_USER", vendor: "TEAMWIRE" }),
        ],
      },
      LIMITS,
      NOW,
    );
    expect(problems).toEqual([]);
    expect(batch!.events.map((e) => [e.metric, e.roomType])).toEqual([
      ["CODE_COMPLETIONS", "NONE"],
      ["CHAT_INTERACTIONS", "NONE"],
      ["ACTIVE_USERS", "NONE"],
    ]);
    expect(batch!.events[0]!.occurredAt.toISOString()).toBe("2025-03-05T10:00:00.000Z");
  });

  it("lists every problem with its index and field", () => {
    const { problems } = parseBatch(
      {
        events: [
          event(),
          event({ idempotencyKey: "", timestamp: "yesterday" }),
          event({ idempotencyKey: "a", metric: "AUTOMATION_FACTOR" }),
          event({ idempotencyKey: "b", metric: "NOPE" }),
          event({ idempotencyKey: "c", metric: "MESSAGES_SENT", vendor: "TABNINE" }),
          event({ idempotencyKey: "d", metric: "CODE_COMPLETIONS", roomType: "DIRECT" }),
          event({ idempotencyKey: "e", metric: "ACTIVE_USERS", userId: null }),
          event({ idempotencyKey: "f", organizationId: "acme", value: -1, extra: true }),
          event({ idempotencyKey: "g", timestamp: "2025-03-06T10:00:00Z" }),
          event({ idempotencyKey: "k1", value: 4 }),
          { ...event({ idempotencyKey: "h" }), vendor: undefined },
          event({ idempotencyKey: "i", identity: { vendor: "TABNINE", externalId: "x" } }),
        ],
      },
      LIMITS,
      NOW,
    );
    const brief = problems.map((p) => [p.index, p.field]);
    expect(brief).toEqual(
      expect.arrayContaining([
        [1, "idempotencyKey"],
        [1, "timestamp"],
        [2, "metric"],
        [3, "metric"],
        [4, "vendor"],
        [5, "roomType"],
        [6, "userId"],
        [7, "organizationId"],
        [7, "value"],
        [7, "extra"],
        [8, "timestamp"],
        [9, "idempotencyKey"],
        [10, "vendor"],
        [11, "identity"],
      ]),
    );
    expect(problems.every((p) => p.list === "events" && p.reason.length > 0)).toBe(true);
    expect(problems.find((p) => p.index === 2)!.reason).toMatch(/derived/);
    expect(problems.find((p) => p.index === 10)!.reason).toBe("is required");
    expect(problems.find((p) => p.index === 0)).toBeUndefined();
  });

  it("writes an exact repeat inside the batch once", () => {
    const { batch, problems } = parseBatch({ events: [event(), event()] }, LIMITS, NOW);
    expect(problems).toEqual([]);
    expect(batch!.events).toHaveLength(1);
    expect(batch!.received).toBe(2);
  });

  it("rejects a body without events, unknown top-level fields and too many events", () => {
    expect(parseBatch({}, LIMITS, NOW).problems).toEqual([{ list: "batch", index: null, field: "events", reason: "is required" }]);
    expect(parseBatch({ events: [], foo: 1 }, LIMITS, NOW).problems[0]).toMatchObject({ field: "foo", reason: "unknown field" });
    const tooMany = parseBatch({ events: Array.from({ length: 101 }, (_, i) => event({ idempotencyKey: `k${i}` })) }, LIMITS, NOW);
    expect(tooMany.batch).toBeNull();
    expect(tooMany.problems[0]!.reason).toMatch(/at most 100 events/);
  });

  it("validates teams, users and devices", () => {
    const { problems } = parseBatch(
      {
        events: [],
        teams: [{ organizationId: ORG, id: "x", name: "" }],
        users: [{ organizationId: ORG, email: "not-an-email" }],
        devices: [
          { organizationId: ORG, vendor: "TEAMWIRE", externalId: "d1", os: "iOS", client: "app", lastSeenAt: "2025-03-01T00:00:00Z" },
        ],
      },
      LIMITS,
      NOW,
    );
    expect(problems.map((p) => [p.list, p.index, p.field])).toEqual([
      ["teams", 0, "id"],
      ["teams", 0, "name"],
      ["users", 0, "email"],
      ["devices", 0, "userId"],
    ]);
  });
});

describe("ndjsonEvents", () => {
  it("reads one event per non-empty line and reports every line that is not JSON", () => {
    expect(ndjsonEvents('{"a":1}\n\n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
    try {
      ndjsonEvents('{"a":1}\nnope\n{"b":2}\n{');
      expect.unreachable();
    } catch (error) {
      const problems = (error as { details: { problems: { index: number; reason: string }[] } }).details.problems;
      expect(problems.map((p) => p.index)).toEqual([1, 3]);
      expect(problems[0]!.reason).toMatch(/^line 2 is not JSON/);
    }
  });
});
