import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationNames, pendingMigrations, schemaDrift } from "../../src/db/migrations.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";

describe("migrations", () => {
  it("cover schema.prisma completely (a forgotten migration fails here)", async () => {
    expect(await schemaDrift()).toBe("");
  });

  describe.each(STORE_KINDS)("on %s", (kind) => {
    let store: TestStore;
    afterAll(() => store?.dispose());

    it("apply every migration to a fresh database, then nothing on a second run", async () => {
      store = await createTestStore(kind, { migrate: false });
      const all = await migrationNames();
      expect(all.length).toBeGreaterThan(0);
      expect(await pendingMigrations(store.db)).toEqual(all);

      expect(await applyMigrations(store.db)).toEqual(all);
      expect(await pendingMigrations(store.db)).toEqual([]);
      expect(await applyMigrations(store.db)).toEqual([]);

      const recorded = await store.db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(recorded.map((row) => row.migration_name)).toEqual(all);
      // The client can use every table the schema declares.
      expect(await store.db.prisma.usageRollup.count()).toBe(0);
      expect(await store.db.prisma.apiToken.count()).toBe(0);
    });
  });
});
