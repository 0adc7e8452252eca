import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRocketChatStatistics, type RocketChatStatisticsInput } from "./rocketchat-statistics.js";
import { fingerprintOf } from "./rocketchat-statistics-defaults.js";
import { unrecordedServer } from "./rocketchat-statistics-server.js";

// The documented example (docs/vendors/rocketchat.md §2.1.2) and the full example in the fixture, without `success`.
const SPEC = new URL("../../docs/vendors/rocketchat.md", import.meta.url);
const FIXTURE = new URL("../rest/rocketchat/fixtures/statistics.json", import.meta.url);

function documentedExample(): Record<string, unknown> {
  const text = readFileSync(SPEC, "utf8");
  const example = text.slice(text.indexOf("#### 2.1.2 Example"));
  const start = example.indexOf("```json") + 7;
  const { success: _, ...rest } = JSON.parse(example.slice(start, example.indexOf("```", start))) as Record<string, unknown>;
  return rest;
}

const NO_SESSIONS = { yesterday: [], lastWeek: [], lastMonth: [] };

const input: RocketChatStatisticsInput = {
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
  rooms: {
    channels: 4,
    privateGroups: 3,
    direct: 2,
    livechat: 1,
    discussions: 0,
    threads: 5,
    teams: 1,
    roomsInsideTeams: 3,
    defaultRoomsInsideTeams: 1,
  },
  messages: { channel: 10, privateGroup: 20, discussions: 0, direct: 30, livechat: 40 },
  lastLogin: null,
  lastMessageSentAt: new Date("2025-03-03T17:02:55.030Z"),
  lastSeenSubscription: null,
  referenceDay: new Date("2025-03-03T00:00:00Z"),
  sessionsByOs: { ...NO_SESSIONS, yesterday: [{ name: "Windows", version: "10", count: 3, time: 2007 }] },
  sessionsByDevice: {
    ...NO_SESSIONS,
    lastWeek: [{ type: "desktop-app", name: "Rocket.Chat Desktop", version: "4.1.2", count: 4, time: 100 }],
  },
  sessionsByRole: {
    ...NO_SESSIONS,
    lastMonth: [
      { role: "user", count: 5, sessions: 9, time: 300 },
      { role: "admin", count: 1, sessions: 2, time: 40 },
    ],
  },
  server: unrecordedServer(),
  workspace: {},
};

describe("Rocket.Chat statistics object", () => {
  it("has the fixture's keys: the documented ones in the documented order, the others where getStatistics sets them", () => {
    const keys = Object.keys(buildRocketChatStatistics(input));
    const documented = Object.keys(documentedExample());
    expect(keys.filter((key) => documented.includes(key))).toEqual(documented);
    const { success: _, ...fixture } = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
    expect(keys).toEqual(Object.keys(fixture));
  });

  it("derives totals and formats dates and session windows as the vendor does", () => {
    const stats = buildRocketChatStatistics(input);
    expect(stats).toMatchObject({
      totalRooms: 10,
      totalMessages: 100,
      totalDiscussionsMessages: 0,
      totalConnectedUsers: 3,
      teams: { totalTeams: 1, totalRoomsInsideTeams: 3, totalDefaultRoomsInsideTeams: 1 },
      roomsInsideTeams: 3,
      createdAt: "2025-03-04T00:12:01.636Z",
      _updatedAt: "2025-03-04T00:12:01.636Z",
      lastMessageSentAt: "2025-03-03T17:02:55.030Z",
      lastLogin: "1970-01-01T00:00:00.000Z",
      uniqueOSOfYesterday: { year: 2025, month: 3, day: 3, data: [{ count: 3, time: 2007, name: "Windows", version: "10" }] },
      uniqueDevicesOfLastWeek: {
        day: 3,
        data: [{ count: 4, time: 100, type: "desktop-app", name: "Rocket.Chat Desktop", version: "4.1.2" }],
      },
      uniqueUsersOfYesterday: { year: 2025, month: 3, day: 3, data: [] },
    });
    expect(JSON.stringify((stats.uniqueUsersOfLastMonth as { data: unknown[] }).data)).toBe(
      JSON.stringify([
        {
          roles: [
            { role: "user", count: 5, sessions: 9, time: 300 },
            { role: "admin", count: 1, sessions: 2, time: 40 },
          ],
          count: 6,
          sessions: 11,
          time: 340,
        },
      ]),
    );
    expect(stats).toMatchObject({ os: unrecordedServer().os, migration: { _id: "control", locked: false, version: 0 }, instanceCount: 1 });
  });

  it("without workspace values reports an empty Rocket.Chat 8.8.1 workspace", () => {
    const stats = buildRocketChatStatistics(input);
    expect(stats).toMatchObject({
      version: "8.8.1",
      deploymentFingerprintHash: fingerprintOf("dvH7yKdbSTABY5guM"),
      deploymentFingerprintVerified: true,
      livechatEnabled: true,
      routingAlgorithm: "Auto_Selection",
      totalUserRoles: 9,
      push: 3,
      apps: { engineVersion: "", totalInstalled: 0, totalActive: 0, totalFailed: 0 },
      enterprise: { modules: [], tags: [], seatRequests: 0 },
      matrixFederation: { enabled: false, biggestRoom: null },
    });
    expect((stats.services as { oauth: Record<string, unknown> }).oauth.github).toEqual({ enabled: false, users: 0 });
  });

  it("keeps workspace values as given and completes their objects to the IStats shape", () => {
    const stats = buildRocketChatStatistics({
      ...input,
      workspace: {
        version: "6.5.0",
        deploymentFingerprintHash: "given",
        apps: { engineVersion: "1.27.1", enabled: true, totalInstalled: 2, totalActive: 1, totalFailed: 0 },
        enterprise: { modules: ["auditing"], tags: ["Gold"] },
        services: { ldap: { enabled: true } },
        livechatEnabled: false,
      },
    });
    expect(stats).toMatchObject({ version: "6.5.0", deploymentFingerprintHash: "given", livechatEnabled: false });
    expect(JSON.stringify(stats.apps)).toBe(
      JSON.stringify({ engineVersion: "1.27.1", enabled: true, totalInstalled: 2, totalActive: 1, totalFailed: 0 }),
    );
    expect(JSON.stringify(stats.enterprise)).toBe(JSON.stringify({ modules: ["auditing"], tags: ["Gold"], seatRequests: 0 }));
    // Free-form maps are the source's, not merged with the defaults.
    expect(stats.services).toEqual({ ldap: { enabled: true } });
  });
});
