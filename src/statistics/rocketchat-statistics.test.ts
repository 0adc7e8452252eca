import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRocketChatStatistics } from "./rocketchat-statistics.js";

// The key order of the documented example (docs/vendors/rocketchat.md §2.1.2), without the trailing `success`.
const SPEC = new URL("../../docs/vendors/rocketchat.md", import.meta.url);

function documentedKeys(): string[] | null {
  let text: string;
  try {
    text = readFileSync(SPEC, "utf8");
  } catch {
    return null;
  }
  const example = text.slice(text.indexOf("#### 2.1.2 Example"));
  const json = example.slice(example.indexOf("```json") + 7, example.indexOf("```", example.indexOf("```json") + 7));
  return Object.keys(JSON.parse(json) as object).filter((key) => key !== "success");
}

const input = {
  id: "Zq7bWm3rTfKc2NxPa",
  uniqueId: "dvH7yKdbSTABY5guM",
  installedAt: new Date("2022-05-11T08:02:41.117Z"),
  takenAt: new Date("2025-03-04T00:12:01.636Z"),
  users: {
    total: 10,
    active: 7,
    activeGuests: 1,
    nonActive: 2,
    app: 1,
    online: 2,
    away: 1,
    busy: 0,
    offline: 4,
    languages: { none: 3, de: 7 },
  },
  rooms: { channels: 4, privateGroups: 3, direct: 2, livechat: 1, discussions: 0, threads: 5, teams: 1 },
  messages: { channel: 10, privateGroup: 20, direct: 30, livechat: 40 },
  lastLogin: null,
  lastMessageSentAt: new Date("2025-03-03T17:02:55.030Z"),
  lastSeenSubscription: null,
  referenceDay: new Date("2025-03-03T00:00:00Z"),
  sessionsByOs: { yesterday: [{ name: "Windows", version: "10", count: 3, time: 2007 }], lastWeek: [], lastMonth: [] },
  workspace: {},
};

describe("Rocket.Chat statistics object", () => {
  it("has the documented keys in the documented order", () => {
    const keys = documentedKeys();
    if (!keys) return; // shared/ is beside the checkout in CI and in development
    expect(Object.keys(buildRocketChatStatistics(input))).toEqual(keys);
  });

  it("derives totals and formats dates and windows as the vendor does", () => {
    const stats = buildRocketChatStatistics(input);
    expect(stats).toMatchObject({
      totalRooms: 10,
      totalMessages: 100,
      totalConnectedUsers: 3,
      createdAt: "2025-03-04T00:12:01.636Z",
      lastMessageSentAt: "2025-03-03T17:02:55.030Z",
      lastLogin: "1970-01-01T00:00:00.000Z",
      uniqueOSOfYesterday: { year: 2025, month: 3, day: 3, data: [{ count: 3, time: 2007, name: "Windows", version: "10" }] },
    });
    expect((stats.services as { oauth: Record<string, unknown> }).oauth.github).toEqual({ enabled: false, users: 0 });
  });
});
