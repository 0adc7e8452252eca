import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import type { Role } from "../../src/db/generated/enums.js";
import { LoginDocument } from "../__generated__/graphql.js";
import { expectNoErrors, TEST_SEED } from "../helpers/graphql.js";
import { startIngestServer, tokenFor, type IngestTestServer } from "../helpers/ingest.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";
import { tableChecksums } from "../helpers/checksums.js";

const ROLES: Role[] = ["SUPERADMIN", "ADMIN", "TEAM_ADMIN", "MEMBER"];
const PASSWORD = "demo-password";

// Role order inside a tenant: a users[] row may only change a user of a lower role than the caller's.
describe.each(STORE_KINDS)("ingest users[] and roles on %s", (kind) => {
  let store: TestStore;
  let prisma: Prisma;
  let server: IngestTestServer;
  let orgId: string;
  /** One user of each role in the SUPERADMIN's organization, and a second ADMIN. */
  const target: Partial<Record<Role | "OTHER_ADMIN", { email: string; id: string }>> = {};

  beforeAll(async () => {
    store = await createTestStore(kind, { seed: TEST_SEED });
    prisma = store.db.prisma;
    server = await startIngestServer(store);
    const superadmin = await prisma.user.findUniqueOrThrow({ where: { email: "superadmin@demo.test" } });
    orgId = superadmin.organizationId;
    for (const role of ROLES) {
      target[role] = await prisma.user.findFirstOrThrow({
        where: { organizationId: orgId, role, status: "REGISTERED" },
        orderBy: { email: "asc" },
      });
    }
    target.OTHER_ADMIN = await prisma.user.create({
      data: {
        organizationId: orgId,
        email: "second-admin@nordhafen.test",
        username: "second",
        firstName: "Second",
        lastName: "Admin",
        role: "ADMIN",
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await store.dispose();
  });

  const deactivate = (email: string) => ({
    events: [],
    users: [{ organizationId: orgId, email, firstName: "Locked", lastName: "Out", status: "DEACTIVATED" }],
  });

  it.each([
    ["ADMIN", "SUPERADMIN", false],
    ["ADMIN", "OTHER_ADMIN", false],
    ["ADMIN", "ADMIN", false], // itself
    ["ADMIN", "TEAM_ADMIN", true],
    ["ADMIN", "MEMBER", true],
    ["SUPERADMIN", "SUPERADMIN", false], // itself
    ["SUPERADMIN", "ADMIN", true],
    ["SUPERADMIN", "MEMBER", true],
  ] as const)("%s deactivating a %s user: allowed = %s", async (caller, targetRole, allowed) => {
    const who = target[targetRole]!;
    const token = await tokenFor(prisma, target[caller]!.email);
    const before = await tableChecksums(prisma);
    const response = await server.ingest(deactivate(who.email), token);
    if (allowed) {
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const row = await prisma.user.findUniqueOrThrow({ where: { id: who.id } });
      expect(row).toMatchObject({ status: "DEACTIVATED", firstName: "Locked" });
      await prisma.user.update({ where: { id: who.id }, data: { status: "REGISTERED" } }); // for the next case
      return;
    }
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([
      {
        list: "users",
        index: 0,
        field: "email",
        reason: expect.stringMatching(
          new RegExp(`^is a ${targetRole === "OTHER_ADMIN" ? "ADMIN" : targetRole} user: a batch may only change users of a lower role`),
        ) as unknown,
      },
    ]);
    expect(await tableChecksums(prisma)).toEqual(before);
  });

  it("keeps the SUPERADMIN able to sign in after its organization's ADMIN tried to lock it out", async () => {
    const admin = await tokenFor(prisma, target.ADMIN!.email);
    expect((await server.ingest(deactivate("superadmin@demo.test"), admin)).status).toBe(400);
    const login = expectNoErrors(await server.request(LoginDocument, { email: "superadmin@demo.test", password: PASSWORD }));
    expect(login.login.token.length).toBeGreaterThan(20);
  });

  it("refuses only the rows it may not write and names each one", async () => {
    const admin = await tokenFor(prisma, target.ADMIN!.email);
    const response = await server.ingest(
      {
        events: [],
        users: [
          { organizationId: orgId, email: target.MEMBER!.email, firstName: "Renamed" },
          { organizationId: orgId, email: target.SUPERADMIN!.email, firstName: "Renamed" },
          { organizationId: orgId, email: target.OTHER_ADMIN!.email, firstName: "Renamed" },
        ],
      },
      admin,
    );
    expect(response.status).toBe(400);
    expect((response.body.problems as { index: number }[]).map((p) => p.index)).toEqual([1, 2]);
    // The batch is whole: the allowed row is not written either.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.MEMBER!.id } })).firstName).not.toBe("Renamed");
  });

  const device = (user: { userId?: string; identity?: { vendor: string; externalId: string } }, externalId: string) => ({
    organizationId: orgId,
    ...user,
    vendor: "TEAMWIRE",
    externalId,
    os: "Planted OS",
    client: "Planted",
    lastSeenAt: "2025-03-01T00:00:00Z",
  });

  it.each([
    ["ADMIN", "SUPERADMIN", false],
    ["ADMIN", "OTHER_ADMIN", false],
    ["ADMIN", "ADMIN", false], // itself
    ["ADMIN", "TEAM_ADMIN", true],
    ["ADMIN", "MEMBER", true],
    ["SUPERADMIN", "SUPERADMIN", false],
    ["SUPERADMIN", "ADMIN", true],
  ] as const)("%s writing a device of a %s user: allowed = %s", async (caller, targetRole, allowed) => {
    const who = target[targetRole]!;
    const token = await tokenFor(prisma, target[caller]!.email);
    const externalId = `planted-${caller}-${targetRole}`;
    const before = await tableChecksums(prisma);
    const response = await server.ingest({ events: [], devices: [device({ userId: who.id }, externalId)] }, token);
    if (allowed) {
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(await prisma.device.count({ where: { userId: who.id, externalId } })).toBe(1);
      return;
    }
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([
      {
        list: "devices",
        index: 0,
        field: "userId",
        reason: expect.stringMatching(
          new RegExp(
            `^belongs to a ${targetRole === "OTHER_ADMIN" ? "ADMIN" : targetRole} user: a batch may only change devices of users of a lower role`,
          ),
        ) as unknown,
      },
    ]);
    expect(await tableChecksums(prisma)).toEqual(before);
  });

  it("refuses a device of a higher user named by its vendor identity, beside the rows it may write", async () => {
    const userId = target.SUPERADMIN!.id;
    const { vendor, externalId } =
      (await prisma.identity.findFirst({ where: { userId } })) ??
      (await prisma.identity.create({ data: { organizationId: orgId, userId, vendor: "TEAMWIRE", externalId: "tw-superadmin" } }));
    const admin = await tokenFor(prisma, target.ADMIN!.email);
    const before = await tableChecksums(prisma);
    const response = await server.ingest(
      {
        events: [],
        devices: [
          device({ userId: target.MEMBER!.id }, "planted-member-2"),
          device({ identity: { vendor, externalId } }, "planted-superadmin-2"),
        ],
      },
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([
      {
        list: "devices",
        index: 1,
        field: "identity",
        reason: expect.stringMatching(/^belongs to a SUPERADMIN user/) as unknown,
      },
    ]);
    expect(await tableChecksums(prisma)).toEqual(before);
  });

  it("creates users only with addresses of the organization's domains, and answers another tenant's address the same way", async () => {
    const admin = await tokenFor(prisma, target.ADMIN!.email);
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
    const elsewhere = await prisma.user.findFirstOrThrow({ where: { organizationId: { not: orgId } } });
    const before = await tableChecksums(prisma);
    const newUser = (email: string) => ({ events: [], users: [{ organizationId: orgId, email, firstName: "New" }] });
    const squatting = await server.ingest(newUser("someone@unrelated.example"), admin);
    const existing = await server.ingest(newUser(elsewhere.email), admin);
    expect(squatting.status).toBe(400);
    expect(existing.status).toBe(400);
    const reason = (response: typeof squatting) => (response.body.problems as { reason: string }[])[0]!.reason;
    expect(reason(squatting)).toBe(`is not an address this organization may use (its domains: ${org.domains.join(", ")})`);
    expect(reason(existing)).toBe(reason(squatting));
    expect(await tableChecksums(prisma)).toEqual(before);
    const own = await server.ingest(newUser(`new.person@${org.domains[0]!.toUpperCase()}`), admin);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });
});
