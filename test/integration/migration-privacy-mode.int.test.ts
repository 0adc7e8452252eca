import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, migrationNames } from "../../src/db/migrations.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";

// prisma/migrations/*_teamwire_privacy_mode turns the free-text privacy mode into the enum and
// keeps what each organization had (docs/vendors/teamwire.md, "Vendor material and deviations").
const MIGRATION = /_teamwire_privacy_mode$/;

const STORED: [string, string][] = [
  ["standard", "INTERNAL_AND_EXTERNAL"], // the old default
  ["strict", "INTERNAL_ONLY"], // the old demo data's restricted mode
  ["Address book only", "ADDRESS_BOOK_ONLY"], // Teamwire's strings, as a sync stored them
  ["Internal and external", "INTERNAL_AND_EXTERNAL"],
  ["Internal only", "INTERNAL_ONLY"],
  ["Groups only", "GROUPS_ONLY"],
  [" groups ONLY ", "GROUPS_ONLY"],
  ["INTERNAL_ONLY", "INTERNAL_ONLY"],
  ["address_book_only", "ADDRESS_BOOK_ONLY"],
  ["something else", "INTERNAL_AND_EXTERNAL"],
];

describe.each(STORE_KINDS)("the privacy-mode migration on %s", (kind) => {
  let store: TestStore;
  let before: string;

  beforeAll(async () => {
    store = await createTestStore(kind, { migrate: false });
    // The migrations folder as it was just before this one.
    before = await mkdtemp(path.join(tmpdir(), "migrations-"));
    const names = await migrationNames();
    const mine = names.find((name) => MIGRATION.test(name))!;
    await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(before, "migration_lock.toml"));
    for (const name of names.filter((name) => name < mine)) {
      await cp(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    }
  });
  afterAll(async () => {
    await store?.dispose();
    await rm(before, { recursive: true, force: true });
  });

  it("maps every stored text to a mode, and new organizations get INTERNAL_AND_EXTERNAL", async () => {
    expect((await applyMigrations(store.db, before)).some((name) => MIGRATION.test(name))).toBe(false);
    const prisma = store.db.prisma;
    for (const [index, [text]] of STORED.entries()) {
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Organization" ("id", "slug", "name", "domains", "privacyMode", "updatedAt") VALUES (gen_random_uuid(), $1, $1, '{}', $2, now())`,
        `org-${index}`,
        text,
      );
    }
    expect((await applyMigrations(store.db)).some((name) => MIGRATION.test(name))).toBe(true);

    const rows = await prisma.organization.findMany({ orderBy: { number: "asc" }, select: { slug: true, privacyMode: true } });
    expect(rows.map((row) => [STORED[Number(row.slug.slice(4))]![0], row.privacyMode])).toEqual(STORED);
    const fresh = await prisma.organization.create({ data: { slug: "fresh", name: "Fresh", domains: [] } });
    expect(fresh.privacyMode).toBe("INTERNAL_AND_EXTERNAL");
  });
});
