import { describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { migrationNames } from "../db/migrations.js";
import { checkReadiness } from "./health.js";

type FakeDb = Pick<Database, "kind" | "prisma">;

/** A database double answering `SELECT 1` and the `_prisma_migrations` query as told. */
function fakeDb(answer: { select1: () => Promise<unknown>; applied: () => Promise<{ migration_name: string }[]> }): FakeDb {
  const prisma = {
    $queryRawUnsafe: (sql: string) => (sql === "SELECT 1" ? answer.select1() : answer.applied()),
  };
  return { kind: "postgres", prisma: prisma as unknown as Database["prisma"] };
}

describe("checkReadiness", () => {
  it("is ready when the database answers and every migration is applied", async () => {
    const names = await migrationNames();
    const db = fakeDb({
      select1: async () => [{ "?column?": 1 }],
      applied: async () => names.map((migration_name) => ({ migration_name })),
    });
    expect(await checkReadiness(db, 500)).toEqual({ ready: true, store: "postgres" });
  });

  it("counts the migrations not applied", async () => {
    const names = await migrationNames();
    const db = fakeDb({ select1: async () => [], applied: async () => [] });
    const readiness = await checkReadiness(db, 500);
    const noun = names.length === 1 ? "migration" : "migrations";
    expect(readiness).toEqual({ ready: false, reason: `${names.length} ${noun} not applied (run the migrate command)` });
  });

  it("reports an unreachable database without the driver's message", async () => {
    const db = fakeDb({
      select1: async () => {
        throw new Error("connect ECONNREFUSED for postgresql://gw:hunter2@db:5432/usage");
      },
      applied: async () => [],
    });
    const readiness = await checkReadiness(db, 500);
    expect(readiness.ready).toBe(false);
    expect(readiness.ready === false && readiness.reason).toBe("database unreachable");
  });

  it("gives up on a database that does not answer within the timeout", async () => {
    const db = fakeDb({ select1: () => new Promise(() => undefined), applied: async () => [] });
    const started = Date.now();
    const readiness = await checkReadiness(db, 150);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(readiness).toMatchObject({ ready: false, reason: "database unreachable (no answer within 150 ms)" });
  });
});
