import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { completeRocketChatStatistics } from "./rocketchat-statistics-complete.js";
import { fingerprintOf } from "./rocketchat-statistics-defaults.js";

// The full example (fixture) and the documented example of §2.1.2, the shape the gateway stored before IStats 8.8.1.
const FIXTURE = new URL("../rest/rocketchat/fixtures/statistics.json", import.meta.url);
const SPEC = new URL("../../docs/vendors/rocketchat.md", import.meta.url);

const withoutSuccess = (value: Record<string, unknown>) => {
  const { success: _, ...rest } = value;
  return rest;
};
const full = () => withoutSuccess(JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>);
function legacy(): Record<string, unknown> {
  const text = readFileSync(SPEC, "utf8");
  const example = text.slice(text.indexOf("#### 2.1.2 Example"));
  const start = example.indexOf("```json") + 7;
  return withoutSuccess(JSON.parse(example.slice(start, example.indexOf("```", start))) as Record<string, unknown>);
}

const row = { id: "rowIdOfTheSnapshot", takenAt: new Date("2025-03-04T00:12:01.636Z") };

describe("completing a stored Rocket.Chat statistics object", () => {
  it("leaves a complete object unchanged, key order included", () => {
    expect(JSON.stringify(completeRocketChatStatistics(full(), row))).toBe(JSON.stringify(full()));
  });

  it("keeps what was stored first, in its order, and appends the missing fields in the full object's order", () => {
    const stored = legacy();
    const completed = completeRocketChatStatistics(stored, row);
    const keys = Object.keys(completed);
    const storedKeys = Object.keys(stored);
    expect(keys.slice(0, storedKeys.length)).toEqual(storedKeys);
    const fullKeys = Object.keys(full());
    expect(keys.slice(storedKeys.length)).toEqual(fullKeys.filter((key) => !storedKeys.includes(key)));
    expect(new Set(keys)).toEqual(new Set(fullKeys));
    for (const key of storedKeys) if (typeof stored[key] !== "object") expect(completed[key], key).toBe(stored[key]);
  });

  it("completes stored objects key by key and fills what a server that recorded nothing reports", () => {
    const completed = completeRocketChatStatistics(legacy(), row);
    expect(JSON.stringify(completed.teams)).toBe(
      JSON.stringify({ totalTeams: 24, totalRoomsInsideTeams: 0, totalDefaultRoomsInsideTeams: 0 }),
    );
    expect(JSON.stringify(completed.enterprise)).toBe(
      JSON.stringify({ modules: ["auditing", "engagement-dashboard", "ldap-enterprise"], tags: ["enterprise", "Gold"], seatRequests: 0 }),
    );
    expect(completed.apps).toEqual(legacy().apps); // more than IStats declares, and kept
    expect(completed.services).toEqual(legacy().services);
    expect(completed).toMatchObject({
      deploymentFingerprintHash: fingerprintOf("dvH7yKdbSTABY5guM"),
      totalDiscussionsMessages: 0,
      os: { type: "", platform: "linux", cpus: [] },
      process: { nodeVersion: "", pid: 0, uptime: 0 },
      migration: { _id: "control", locked: false, version: 0 },
      // The windows of the stored OS windows' day.
      uniqueUsersOfLastWeek: { year: 2025, month: 3, day: 3, data: [] },
      uniqueDevicesOfYesterday: { year: 2025, month: 3, day: 3, data: [] },
      livechatEnabled: true,
    });
  });

  it("takes id and times from the row, the day before for the windows, nulls from the defaults, and adds no optional field", () => {
    const completed = completeRocketChatStatistics({ totalUsers: 3, lastLogin: null, teams: null }, row);
    expect(completed).toMatchObject({
      totalUsers: 3,
      lastLogin: "1970-01-01T00:00:00.000Z",
      teams: { totalTeams: 0 },
      _id: "rowIdOfTheSnapshot",
      createdAt: "2025-03-04T00:12:01.636Z",
      _updatedAt: "2025-03-04T00:12:01.636Z",
      uniqueId: "",
      uniqueOSOfYesterday: { year: 2025, month: 3, day: 3, data: [] },
    });
    expect(Object.keys(completed).slice(0, 3)).toEqual(["totalUsers", "lastLogin", "teams"]);
    expect(completed).not.toHaveProperty("installedAt");
    expect(completed).not.toHaveProperty("version");
  });

  it("keeps values of another kind as stored", () => {
    expect(completeRocketChatStatistics({ teams: 5, apps: "x" }, row)).toMatchObject({ teams: 5, apps: "x" });
  });
});
