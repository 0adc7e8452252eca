import { readFileSync } from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { judgeIStats } from "../helpers/istats.js";
import { restRequest, rocketChatHeaders } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

// The statistics objects the Rocket.Chat adapter serves, judged by Rocket.Chat's own IStats (core-typings 8.8.1)
// through the TypeScript compiler (test/helpers/istats.ts): live ones (with and without a Rocket.Chat source),
// the latest stored one via `statistics`, and every stored one via `statistics.list`, those stored in older
// shapes included (docs/vendors/rocketchat.md "Statistics (IStats)").

const SPEC = new URL("../../docs/vendors/rocketchat.md", import.meta.url);

/** The documented example of §2.1.2: the shape statistics objects were stored in before they followed IStats. */
function documentedExample(): Record<string, unknown> {
  const text = readFileSync(SPEC, "utf8");
  const example = text.slice(text.indexOf("#### 2.1.2 Example"));
  const start = example.indexOf("```json") + 7;
  const { success: _, ...stored } = JSON.parse(example.slice(start, example.indexOf("```", start))) as Record<string, unknown>;
  return stored;
}

type Stats = Record<string, unknown>;
const withoutSuccess = ({ success, ...stats }: Stats): Stats => {
  expect(success).toBe(true);
  return stats;
};

describe.each(STORE_KINDS)("Rocket.Chat statistics against IStats on %s", (kind) => {
  let server: GraphQLTestServer;
  const legacy: Stats & { _id: string; createdAt: string } = {
    ...documentedExample(),
    _id: "LegacyShape000001",
    createdAt: "2025-03-06T00:10:00.000Z",
  };
  const answers = { latest: {} as Stats, live: {} as Stats, empty: {} as Stats, list: [] as Stats[] };

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const prisma = server.store.db.prisma;
    const own = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } });
    const stored = (id: string, takenAt: string, payload: Stats) => ({
      id,
      organizationId: own.id,
      vendor: "ROCKETCHAT" as const,
      takenAt: new Date(takenAt),
      totalUsers: 1,
      activeUsers: 1,
      onlineUsers: 0,
      totalRooms: 0,
      totalMessages: 0,
      payload: payload as object,
    });
    await prisma.workspaceStatisticsSnapshot.createMany({
      data: [
        stored(legacy._id, legacy.createdAt, legacy),
        stored("PartialShape00001", "2025-03-01T12:00:00.000Z", { _id: "PartialShape00001", totalUsers: 1 }),
      ],
    });
    const admin = await rocketChatHeaders(prisma, "admin@nordhafen.test");
    const get = async (path: string, headers = admin) => {
      const response = await restRequest<Stats>(server.url, path, { headers });
      expect(response.status, `${path} → ${response.text.slice(0, 500)}`).toBe(200);
      return response.body;
    };
    answers.latest = withoutSuccess(await get("/api/v1/statistics"));
    answers.live = withoutSuccess(await get("/api/v1/statistics?refresh=true"));
    answers.empty = withoutSuccess(await get("/api/v1/statistics", await rocketChatHeaders(prisma, "admin@bergwerk.test")));
    const list = await get("/api/v1/statistics.list?count=0");
    answers.list = list.statistics as Stats[];
  });
  afterAll(() => server?.close());

  it("serves only objects that type-check as IStats, with every required key and no undeclared one", () => {
    const values = [answers.latest, answers.live, answers.empty, ...answers.list];
    expect(answers.list.map((stats) => stats._id)).toEqual(expect.arrayContaining([legacy._id, "PartialShape00001", answers.live._id]));
    const judgement = judgeIStats(values);
    expect(judgement.diagnostics).toEqual([]);
    // IStats declares 142 required fields; IRocketChatRecord adds _id and _updatedAt.
    expect(judgement.requiredKeys).toHaveLength(144);
    expect(judgement.requiredKeys).toEqual(
      expect.arrayContaining(["_id", "_updatedAt", "deploymentFingerprintHash", "contactVerification"]),
    );
    for (const [i, stats] of values.entries()) {
      const keys = Object.keys(stats);
      expect(
        judgement.requiredKeys.filter((key) => !keys.includes(key)),
        `missing in value ${i}`,
      ).toEqual([]);
      expect(
        keys.filter((key) => !judgement.declaredKeys.includes(key)),
        `undeclared in value ${i}`,
      ).toEqual([]);
    }
  });

  it("fails an object that misses a required field or has a wrong type", () => {
    const { deploymentFingerprintHash: _, ...missing } = answers.live;
    const wrongPlatform = { ...answers.live, os: { ...(answers.live.os as Stats), platform: "plan9" } };
    const wrongTeams = { ...answers.empty, teams: { totalTeams: 0 } };
    const { diagnostics } = judgeIStats([missing, wrongPlatform, wrongTeams]);
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics[0]).toContain("'deploymentFingerprintHash' is missing");
    expect(diagnostics[1]).toContain('"plan9"');
    expect(diagnostics[2]).toContain("totalRoomsInsideTeams");
  });

  it("serves the latest stored object completed: what it stored first, in its order, the missing fields after", () => {
    expect(answers.latest._id).toBe(legacy._id);
    const storedKeys = Object.keys(legacy);
    expect(Object.keys(answers.latest).slice(0, storedKeys.length)).toEqual(storedKeys);
    expect(answers.latest).toMatchObject({ totalMessages: legacy.totalMessages, teams: { totalTeams: 24, totalRoomsInsideTeams: 0 } });
    const listed = answers.list.find((stats) => stats._id === legacy._id);
    expect(JSON.stringify(listed)).toBe(JSON.stringify(answers.latest));
  });

  it("reports this process and its host in the live object, and the store's migrations", async () => {
    const [migrations] = await server.store.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    for (const live of [answers.live, answers.empty]) {
      expect(live).toMatchObject({
        os: { type: os.type(), platform: os.platform(), arch: os.arch(), release: os.release(), totalmem: os.totalmem() },
        process: { nodeVersion: process.version, pid: process.pid },
        migration: { _id: "control", locked: false, version: migrations!.n },
        instanceCount: 1,
        deploy: { method: "tar", platform: "selfinstall" },
      });
      expect((live.os as { cpus: unknown[] }).cpus).toHaveLength(os.cpus().length);
    }
    expect(migrations!.n).toBeGreaterThan(0);
  });
});
