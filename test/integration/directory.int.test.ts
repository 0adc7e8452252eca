import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOrganization,
  createUser,
  DirectoryError,
  findOrganization,
  listUsers,
  setPassword,
  slugOf,
} from "../../src/auth/directory.service.js";
import { verifyPassword } from "../../src/auth/password.js";
import { createTestStore, type TestStore } from "../helpers/stores.js";

// The directory an operator bootstraps a store with (the CLI's org and user commands): every refusal
// names the value at fault and writes nothing.

describe("directory service", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore("pglite");
  });
  afterAll(() => store.dispose());

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail("expected a refusal"),
      (error: unknown) => {
        expect(error).toBeInstanceOf(DirectoryError);
        return (error as Error).message;
      },
    );

  it("makes slugs from names and refuses a taken slug, a bad slug or domain", async () => {
    expect(slugOf("  Ächt & Co., Hamburg ")).toBe("acht-co-hamburg");
    const org = await createOrganization(store.db.prisma, { name: "Kai Werft", domains: ["Kai.Example", "kai.example"] });
    expect(org).toMatchObject({ slug: "kai-werft", name: "Kai Werft", domains: ["kai.example"] });
    expect(await store.db.prisma.team.findMany({ where: { organizationId: org.id }, select: { name: true, isDefault: true } })).toEqual([
      { name: "Default Team", isDefault: true },
    ]);
    await expect(refusal(createOrganization(store.db.prisma, { name: "Kai  Werft" }))).resolves.toBe(
      'an organization with slug "kai-werft" exists already',
    );
    await expect(refusal(createOrganization(store.db.prisma, { name: "X", slug: "Not A Slug" }))).resolves.toContain(
      '"Not A Slug" is not a valid slug',
    );
    await expect(refusal(createOrganization(store.db.prisma, { name: "Y", domains: ["@y"] }))).resolves.toBe('"@y" is not an email domain');
    await expect(refusal(createOrganization(store.db.prisma, { name: "  " }))).resolves.toContain("needs a name");
    expect((await findOrganization(store.db.prisma, String(org.id))).slug).toBe("kai-werft");
    await expect(refusal(findOrganization(store.db.prisma, "nope"))).resolves.toContain('no organization "nope"');
  });

  it("creates users in the default team, hashes passwords and refuses what cannot sign in or does not belong", async () => {
    const prisma = store.db.prisma;
    await expect(refusal(createUser(prisma, { organization: "kai-werft", email: "ops@kai.example", role: "ADMIN" }))).resolves.toContain(
      "a ADMIN signs in with a password",
    );
    await expect(
      refusal(createUser(prisma, { organization: "kai-werft", email: "ops@kai.example", role: "ADMIN", password: "short" })),
    ).resolves.toBe("the password needs at least 12 characters");
    await expect(refusal(createUser(prisma, { organization: "kai-werft", email: "ops@else.example", role: "MEMBER" }))).resolves.toBe(
      "ops@else.example is not in the organization's email domains (kai.example)",
    );
    await expect(refusal(createUser(prisma, { organization: "kai-werft", email: "not-an-email", role: "MEMBER" }))).resolves.toBe(
      '"not-an-email" is not an email address',
    );
    await expect(refusal(createUser(prisma, { organization: "kai-werft", email: "a@kai.example", role: "OWNER" }))).resolves.toBe(
      '--role must be one of SUPERADMIN, ADMIN, TEAM_ADMIN, MEMBER, not "OWNER"',
    );
    expect(await prisma.user.count()).toBe(0);

    const versionBefore = (await prisma.organization.findUniqueOrThrow({ where: { slug: "kai-werft" } })).dataVersion;
    const admin = await createUser(prisma, {
      organization: "kai-werft",
      email: "Ops@Kai.example",
      role: "admin",
      password: "twelve chars!",
    });
    // Gateways running beside the CLI see the new user at once: the organization's data version rose.
    expect((await prisma.organization.findUniqueOrThrow({ where: { slug: "kai-werft" } })).dataVersion).toBeGreaterThan(versionBefore);
    expect(admin).toMatchObject({ email: "ops@kai.example", role: "ADMIN" });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, include: { team: true } });
    expect(row.team?.isDefault).toBe(true);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("twelve chars!", row.passwordHash)).toBe(true);
    await expect(refusal(createUser(prisma, { organization: "kai-werft", email: "ops@kai.example", role: "MEMBER" }))).resolves.toBe(
      "a user with email ops@kai.example exists already",
    );

    await setPassword(prisma, "OPS@kai.example", "another password");
    const changed = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await verifyPassword("another password", changed.passwordHash)).toBe(true);
    await expect(refusal(setPassword(prisma, "nobody@kai.example", "another password"))).resolves.toBe(
      "no user with email nobody@kai.example",
    );
    expect((await listUsers(prisma, "kai-werft")).map((user) => user.email)).toEqual(["ops@kai.example"]);
  });
});
