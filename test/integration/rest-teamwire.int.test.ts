import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EqTeamwireDashboardDocument,
  EqTeamwireDevicesDocument,
  EqTeamwireLastUsagesDocument,
  EqTeamwireSeriesDocument,
  type DeviceDiscriminator,
} from "../__generated__/graphql.js";
import { touchOrganizations } from "../../src/db/data-version.js";
import { DEMO_PASSWORD } from "../../src/seed/directory.js";
import { expectSameShape, fixture } from "../helpers/contract.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { expectOk, expectReply, restRequest, type RestRequest, type RestResponse } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

// Teamwire Enterprise API admin statistics through the gateway (docs/vendors/teamwire.md §1).
// Seed: TEST_SEED (organizations 1 nordhafen and 2 bergwerk use Teamwire; history ends 2025-03-05).

type Series = [{ keys: string; min_year: number; min_month: number; data: { date: string; count: number }[] }];
type LastUsages = { key: { month: number; year: number }; y: number }[];
type DeviceStats = { keys: string; data: Record<string, string | number | boolean>[] };

const S = "/v1/admin/stats";
const SERIES = [
  { segment: "active_users", keys: "Active Users", field: "activeUsers", fixture: "active-users" },
  { segment: "activated_connectors", keys: "Activated Connectors", field: "activatedConnectors", fixture: "activated-connectors" },
  { segment: "sent_messages", keys: "Messages", field: "sentMessages", fixture: "sent-messages" },
] as const;
const DISCRIMINATORS: Record<string, DeviceDiscriminator> = { os: "OS", client: "CLIENT", is_managed: "IS_MANAGED", locale: "LOCALE" };
/** Teamwire's privacy modes as its organisation-settings page writes them, by GraphQL enum value. */
const PRIVACY_MODES = {
  ADDRESS_BOOK_ONLY: "Address book only",
  INTERNAL_AND_EXTERNAL: "Internal and external",
  INTERNAL_ONLY: "Internal only",
  GROUPS_ONLY: "Groups only",
} as const;
/** Every documented URL form, given an organisation_id segment (or "" for the short form). */
const documentedPaths = (org: string) => [
  `${S}/dashboard/`,
  ...SERIES.map(({ segment }) => `${S}/${segment}/${org}?year=2025&month=2`),
  `${S}/last_usages/${org}`,
  ...Object.keys(DISCRIMINATORS).map((d) => `${S}/device/${d}/${org}`),
];
/** The URLs that take an organisation_id, for organisation `org`. */
const scopedPaths = (org: string) => documentedPaths(`${org}/`).slice(1);
const NO_TRACE = /(\bat \S+ \(|Error:|node_modules|\/src\/)/;

describe.each(STORE_KINDS)("Teamwire REST adapter on %s", (kind) => {
  let server: GraphQLTestServer;
  let admin: string; // admin@nordhafen.test, organisation 1
  let admin2: string; // admin@bergwerk.test, organisation 2
  let superadmin: string; // superadmin@demo.test, organisation 1
  let teamAdmin: string;
  let member: string;
  let org1: { id: string; number: number; name: string; domains: string[] };
  let org2: { id: string; number: number };

  const get = <T>(path: string, request: RestRequest = {}): Promise<RestResponse<T>> => restRequest<T>(server.url, path, request);
  const sql = <T>(text: string, ...params: unknown[]) => server.store.db.prisma.$queryRawUnsafe<T[]>(text, ...params);
  /** Sets Organization.disabled for the duration of `body`, and restores it. */
  const whileDisabled = async (organizationId: string, body: () => Promise<void>) => {
    await server.store.db.prisma.organization.update({ where: { id: organizationId }, data: { disabled: true } });
    try {
      await body();
    } finally {
      await server.store.db.prisma.organization.update({ where: { id: organizationId }, data: { disabled: false } });
    }
  };

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const prisma = server.store.db.prisma;
    org1 = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } });
    org2 = await prisma.organization.findUniqueOrThrow({ where: { slug: "bergwerk" } });
    const teamAdminUser = await prisma.user.findFirstOrThrow({ where: { organizationId: org1.id, role: "TEAM_ADMIN" } });
    const memberUser = await prisma.user.findFirstOrThrow({ where: { organizationId: org1.id, role: "MEMBER", status: "REGISTERED" } });
    [admin, admin2, superadmin, teamAdmin, member] = (await Promise.all(
      ["admin@nordhafen.test", "admin@bergwerk.test", "superadmin@demo.test", teamAdminUser.email, memberUser.email].map((email) =>
        server.tokenFor(email),
      ),
    )) as [string, string, string, string, string];
  });
  afterAll(() => server?.close());

  describe("contract: the documented examples of §1.1–1.6", () => {
    it("1.1 dashboard has the example's shape, with the organisation's values", async () => {
      const body = expectOk(
        await get<Record<string, unknown> & { admins: { first_name: string; last_name: string; super: boolean }[] }>(`${S}/dashboard/`, {
          token: admin,
        }),
      );
      expectSameShape(body, fixture("teamwire", "dashboard"));
      const license = await server.store.db.prisma.license.findFirstOrThrow({ where: { organizationId: org1.id, vendor: "TEAMWIRE" } });
      const admins = await server.store.db.prisma.user.findMany({
        where: { organizationId: org1.id, role: { in: ["ADMIN", "SUPERADMIN"] }, identities: { some: { vendor: "TEAMWIRE" } } },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      });
      expect(body).toMatchObject({
        company: org1.name,
        domains_count: org1.domains.length,
        license_count: license.seats,
        admins_count: admins.length,
      });
      expect(body.admins).toEqual(admins.map((u) => ({ first_name: u.firstName, last_name: u.lastName, super: u.role === "SUPERADMIN" })));
      expect(body.admins.filter((a) => a.super)).toEqual([{ first_name: "Demo", last_name: "Superadmin", super: true }]);
    });

    it("1.1 settings is the organisation's privacy mode, written exactly as Teamwire writes it", async () => {
      const prisma = server.store.db.prisma;
      const seeded = (await prisma.organization.findUniqueOrThrow({ where: { id: org1.id } })).privacyMode;
      expect(expectOk(await get<{ settings: string }>(`${S}/dashboard/`, { token: admin })).settings).toBe(PRIVACY_MODES[seeded]);
      try {
        for (const [mode, text] of Object.entries(PRIVACY_MODES) as [keyof typeof PRIVACY_MODES, string][]) {
          await prisma.organization.update({ where: { id: org1.id }, data: { privacyMode: mode } });
          await touchOrganizations(prisma, [org1.id]);
          expect(expectOk(await get<{ settings: string }>(`${S}/dashboard/`, { token: admin })).settings, mode).toBe(text);
        }
      } finally {
        await prisma.organization.update({ where: { id: org1.id }, data: { privacyMode: seeded } });
        await touchOrganizations(prisma, [org1.id]);
      }
      // organisation 2 has its own mode (the demo data spreads them)
      const other = (await prisma.organization.findUniqueOrThrow({ where: { id: org2.id } })).privacyMode;
      expect(other).not.toBe(seeded);
      expect(expectOk(await get<{ settings: string }>(`${S}/dashboard/`, { token: admin2 })).settings).toBe(PRIVACY_MODES[other]);
    });

    it("1.2–1.4 series (month given: one row per day; no month: one row per month) have the examples' shape", async () => {
      for (const series of SERIES) {
        const daily = expectOk(await get<Series>(`${S}/${series.segment}/?year=2025&month=2`, { token: admin }), series.segment);
        expectSameShape(daily, fixture("teamwire", series.fixture));
        expect(daily[0].keys).toBe(series.keys);
        expect(daily[0].data.map((row) => row.date)).toEqual(
          Array.from({ length: 28 }, (_, i) => `2025-02-${String(i + 1).padStart(2, "0")}`),
        );
        const monthly = expectOk(await get<Series>(`${S}/${series.segment}/1/?year=2025`, { token: admin }), series.segment);
        expectSameShape(monthly, fixture("teamwire", series.fixture));
        expect(monthly[0].data.map((row) => row.date)).toEqual(
          Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`),
        );
        // the seed's history starts on 2025-01-19
        expect([monthly[0].min_year, monthly[0].min_month]).toEqual([2025, 1]);
      }
    });

    it("1.2–1.4 series values follow the documented semantics (recomputed from the stored events)", async () => {
      const perMonth = await sql<{ month: string; messages: number; activations: number }>(
        `SELECT to_char(date_trunc('month', "occurredAt", 'UTC'), 'YYYY-MM') AS month,
           coalesce(sum("value") FILTER (WHERE "metric" = 'MESSAGES_SENT'), 0)::float AS messages,
           coalesce(sum("value") FILTER (WHERE "metric" = 'CONNECTOR_ACTIVATIONS'), 0)::float AS activations
         FROM "UsageEvent" WHERE "organizationId" = $1::uuid AND "vendor" = 'TEAMWIRE' GROUP BY 1`,
        org1.id,
      );
      const messages = expectOk(await get<Series>(`${S}/sent_messages/?year=2025`, { token: admin }));
      const activations = expectOk(await get<Series>(`${S}/activated_connectors/?year=2025`, { token: admin }));
      for (const row of messages[0].data) expect(row.count, row.date).toBe(perMonth.find((m) => m.month === row.date)?.messages ?? 0);
      for (const row of activations[0].data) expect(row.count, row.date).toBe(perMonth.find((m) => m.month === row.date)?.activations ?? 0);
      expect(messages[0].data.reduce((sum, row) => sum + row.count, 0)).toBeGreaterThan(0);

      // active users: distinct users who sent at least one message that day
      const senders = await sql<{ day: string; users: number }>(
        `SELECT to_char(date_trunc('day', "occurredAt", 'UTC'), 'YYYY-MM-DD') AS day, count(DISTINCT "userId")::int AS users
         FROM "UsageEvent" WHERE "organizationId" = $1::uuid AND "vendor" = 'TEAMWIRE' AND "metric" = 'MESSAGES_SENT' AND "value" > 0 GROUP BY 1`,
        org1.id,
      );
      const active = expectOk(await get<Series>(`${S}/active_users/?year=2025&month=2`, { token: admin }));
      for (const row of active[0].data) expect(row.count, row.date).toBe(senders.find((d) => d.day === row.date)?.users ?? 0);
    });

    it("1.5 last_usages has the example's shape: ascending months with y ≥ 1, each user once", async () => {
      const body = expectOk(await get<LastUsages>(`${S}/last_usages/`, { token: admin }));
      expectSameShape(body, fixture("teamwire", "last-usages"));
      const keys = body.map((row) => row.key.year * 12 + row.key.month);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
      expect(body.every((row) => row.y >= 1)).toBe(true);
      const last = await sql<{ month: string; users: number }>(
        `SELECT to_char(date_trunc('month', last, 'UTC'), 'YYYY-MM') AS month, count(*)::int AS users FROM (
           SELECT "userId", max("occurredAt") AS last FROM "UsageEvent"
           WHERE "organizationId" = $1::uuid AND "vendor" = 'TEAMWIRE' AND "metric" = 'MESSAGES_SENT' GROUP BY 1) s GROUP BY 1 ORDER BY 1`,
        org1.id,
      );
      expect(body).toEqual(
        last.map((row) => ({ key: { month: Number(row.month.slice(5)), year: Number(row.month.slice(0, 4)) }, y: row.users })),
      );
    });

    it("1.6 device statistics have the examples' shapes, counted over not wiped devices, most first", async () => {
      const os = expectOk(await get<DeviceStats>(`${S}/device/os/`, { token: admin }));
      expectSameShape(os, fixture("teamwire", "device-os"));
      const counted = await sql<{ os: string; locale: string; total: number }>(
        `SELECT "os", count(*)::int AS total FROM "Device" WHERE "organizationId" = $1::uuid AND "vendor" = 'TEAMWIRE' AND "wipedAt" IS NULL GROUP BY 1`,
        org1.id,
      );
      expect(os.data).toEqual(counted.map(({ os, total }) => ({ os, total })).sort((a, b) => b.total - a.total || (a.os < b.os ? -1 : 1)));

      const locale = expectOk(await get<DeviceStats>(`${S}/device/locale/`, { token: admin }));
      expectSameShape(locale, fixture("teamwire", "device-locale"));
      expect(locale.keys).toBe("Client Locale Statistics");

      const clientVersions = expectOk(await get<DeviceStats>(`${S}/device/client/1/?client=Desktop`, { token: admin }));
      expectSameShape(clientVersions, fixture("teamwire", "device-client-versions"));
      expect(clientVersions.data.every((row) => row.client === "Desktop")).toBe(true);

      // without ?client= there is no client_v (TwDeviceClient.client_v?)
      const clients = expectOk(await get<DeviceStats>(`${S}/device/client/`, { token: admin }));
      expectSameShape(clients, fixture("teamwire", "device-client-versions"), { optional: ["data[].client_v"] });
      expect(clients.data.some((row) => "client_v" in row)).toBe(false);

      // ?os=: one row per os_v of that OS (TwDeviceOs, key order of the type; the vendor shows no JSON example)
      const osVersions = expectOk(await get<DeviceStats>(`${S}/device/os/?os=Android`, { token: admin }));
      expectSameShape(osVersions, { keys: "Client OS Statistics", data: [{ os: "Android", os_v: "14", total: 1 }] });
      expect(osVersions.data.every((row) => row.os === "Android")).toBe(true);
      expect(osVersions.data.reduce((sum, row) => sum + (row.total as number), 0)).toBe(os.data.find((row) => row.os === "Android")!.total);

      // is_managed: TwDeviceManaged, exactly Teamwire's documented {client, os} (no JSON example):
      // the (client, OS) pairs of managed devices, most managed devices first
      const managed = expectOk(await get<DeviceStats>(`${S}/device/is_managed/`, { token: admin }));
      expectSameShape(managed, { keys: "Client Managed Statistics", data: [{ client: "Desktop", os: "Windows" }] });
      expect(managed.data.every((row) => Object.keys(row).join() === "client,os")).toBe(true);
      const pairs = await sql<{ client: string; os: string }>(
        `SELECT "client", "os" FROM "Device" WHERE "organizationId" = $1::uuid AND "vendor" = 'TEAMWIRE' AND "wipedAt" IS NULL AND "managed"
         GROUP BY 1, 2 ORDER BY count(*) DESC, "os", "client"`,
        org1.id,
      );
      expect(pairs.length).toBeGreaterThan(0);
      expect(managed.data).toEqual(pairs.map(({ client, os }) => ({ client, os })));

      // filters of another discriminator are ignored
      expect(expectOk(await get<DeviceStats>(`${S}/device/locale/?os=Android&client=Desktop`, { token: admin }))).toEqual(locale);
    });
  });

  describe("equivalence: REST answers equal the GraphQL answers on the same data", () => {
    it("1.1 dashboard = organization { privacyMode name domains licenses workspaceStatistics users }", async () => {
      const rest = expectOk(await get(`${S}/dashboard/`, { token: admin }));
      const { organization: o } = expectNoErrors(await server.request(EqTeamwireDashboardDocument, {}, admin));
      const admins = [...o!.users.nodes].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
      expect(rest).toEqual({
        settings: PRIVACY_MODES[o!.privacyMode],
        users_count: o!.workspaceStatistics.clientUsers,
        pending_users_count: o!.workspaceStatistics.pendingUsers,
        groups_count: o!.workspaceStatistics.groupsCount,
        domains_count: o!.domains.length,
        admins_count: o!.workspaceStatistics.adminsCount,
        company: o!.name,
        license_count: o!.licenses[0]!.seats,
        admins: admins.map((a) => ({ first_name: a.firstName, last_name: a.lastName, super: a.role === "SUPERADMIN" })),
      });
      // a Superadmin's dashboard is its own organisation's
      expect(expectOk(await get(`${S}/dashboard/`, { token: superadmin }))).toEqual(rest);
    });

    it("1.2–1.4 series data = the GraphQL calendar points (own organisation, and another one for a Superadmin)", async () => {
      const cases = [
        { token: admin, number: org1.number, segment: "" },
        { token: admin, number: org1.number, segment: `${org1.number}/` },
        { token: superadmin, number: org2.number, segment: `${org2.number}/` },
      ];
      for (const { token, number, segment } of cases) {
        for (const month of [2, 3, null]) {
          const { organization } = expectNoErrors(await server.request(EqTeamwireSeriesDocument, { number, year: 2025, month }, token));
          for (const series of SERIES) {
            const calendar = organization![series.field];
            const rest = expectOk(
              await get<Series>(`${S}/${series.segment}/${segment}?year=2025${month ? `&month=${month}` : ""}`, { token }),
            );
            expect(rest, `${series.segment} ${number} ${month}`).toEqual([
              {
                keys: series.keys,
                min_year: calendar.minYear,
                min_month: calendar.minMonth,
                data: calendar.points.map(({ date, count }) => ({ date, count })),
              },
            ]);
          }
        }
      }
      // organisations 1 and 2 have different data: the Superadmin's answer is not organisation 1's
      const own = expectOk(await get<Series>(`${S}/sent_messages/1/?year=2025`, { token: superadmin }));
      const other = expectOk(await get<Series>(`${S}/sent_messages/2/?year=2025`, { token: superadmin }));
      expect(other[0].data).not.toEqual(own[0].data);
    });

    it("1.5 last_usages = organization.lastUsages (month 1-based on both surfaces)", async () => {
      for (const [token, number, segment] of [
        [admin, org1.number, ""],
        [superadmin, org2.number, `${org2.number}/`],
      ] as const) {
        const { organization } = expectNoErrors(await server.request(EqTeamwireLastUsagesDocument, { number }, token));
        const rest = expectOk(await get<LastUsages>(`${S}/last_usages/${segment}`, { token }));
        expect(rest).toEqual(organization!.lastUsages.map((m) => ({ key: { month: m.month, year: m.year }, y: m.users })));
      }
    });

    it("1.6 device rows = organization.deviceStats (per discriminator and filter)", async () => {
      const cases: [string, DeviceDiscriminator, string | null, string | null, string][] = [
        ["os", "OS", null, null, ""],
        ["os", "OS", "Android", null, "?os=Android"],
        ["client", "CLIENT", null, null, ""],
        ["client", "CLIENT", null, "Desktop", "?client=Desktop"],
        ["is_managed", "IS_MANAGED", null, null, ""],
        ["locale", "LOCALE", null, null, ""],
      ];
      for (const [token, number, segment] of [
        [admin, org1.number, ""],
        [superadmin, org2.number, `${org2.number}/`],
      ] as const) {
        for (const [name, discriminator, os, client, query] of cases) {
          const { organization } = expectNoErrors(
            await server.request(EqTeamwireDevicesDocument, { number, discriminator, os, client }, token),
          );
          const rest = expectOk(await get<DeviceStats>(`${S}/device/${name}/${segment}${query}`, { token }));
          const rows = organization!.deviceStats
            .map((r) => {
              switch (discriminator) {
                case "OS":
                  return os ? { os: r.os, os_v: r.osVersion, total: r.total } : { os: r.os, total: r.total };
                case "CLIENT":
                  return client ? { client: r.client, client_v: r.clientVersion, total: r.total } : { client: r.client, total: r.total };
                case "IS_MANAGED":
                  return r.isManaged ? { client: r.client, os: r.os } : null;
                case "LOCALE":
                  return { locale: r.locale, total: r.total };
              }
            })
            .filter((row) => row !== null);
          expect(rows.length, `${name}${query}`).toBeGreaterThan(0);
          expect(rest, `${name} ${number}${query}`).toEqual({ keys: rest.keys, data: rows });
        }
      }
    });
  });

  describe("session login (POST /v1/admin/login/) and auth", () => {
    it("logs in with the right password: sessionid cookie (HttpOnly, SameSite=Lax) that alone authorizes statistics", async () => {
      const login = await get("/v1/admin/login/", { method: "POST", json: { email: "admin@nordhafen.test", password: DEMO_PASSWORD } });
      expect(login.status, login.text).toBe(200);
      const cookies = login.headers.getSetCookie();
      expect(cookies).toHaveLength(1);
      const [pair, ...attributes] = cookies[0]!.split(";").map((part) => part.trim());
      expect(pair).toMatch(/^sessionid=[^;\s]+$/);
      expect(attributes).toContain("HttpOnly");
      expect(attributes).toContain("SameSite=Lax");
      expect(attributes).toContain("Path=/");
      expect(attributes).not.toContain("Secure"); // plain HTTP here; Secure under TLS only

      const withCookie = await get(`${S}/sent_messages/?year=2025`, { headers: { cookie: pair! } });
      const withBearer = await get(`${S}/sent_messages/?year=2025`, { token: admin });
      expect(expectOk(withCookie)).toEqual(expectOk(withBearer));
      expectOk(await get(`${S}/dashboard/`, { headers: { cookie: `other=1; ${pair!}` } }));

      const logout = await get("/v1/admin/logout/", { method: "POST", headers: { cookie: pair! } });
      expect(logout.status).toBe(200);
      const cleared = logout.headers.getSetCookie()[0]!;
      expect(cleared).toMatch(/^sessionid=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    });

    it("refuses wrong credentials with 401 and a JSON object, and sets no cookie", async () => {
      const cases = [
        { email: "admin@nordhafen.test", password: "wrong-password" },
        { email: "nobody@nordhafen.test", password: DEMO_PASSWORD },
        {
          email: (await server.store.db.prisma.user.findFirstOrThrow({ where: { organizationId: org1.id, role: "MEMBER" } })).email,
          password: DEMO_PASSWORD,
        },
      ];
      for (const credentials of cases) {
        const response = await get("/v1/admin/login/", { method: "POST", json: credentials });
        expect(response.status, credentials.email).toBe(401);
        expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
        expect(typeof response.body === "object" && response.body !== null && !Array.isArray(response.body)).toBe(true);
        expect(response.headers.getSetCookie()).toEqual([]);
        expect(response.text).not.toMatch(NO_TRACE);
      }
      const missing = await get("/v1/admin/login/", { method: "POST", json: { email: "admin@nordhafen.test" } });
      expect(missing.status).toBeGreaterThanOrEqual(400);
      expect(missing.status).toBeLessThan(500);
      expect(missing.headers.getSetCookie()).toEqual([]);
      expect((await get("/v1/admin/login/")).status).toBe(405);
    });

    it("401 {} without a session, with a garbage or expired token, with a forged cookie", async () => {
      const expired = await server.tokenFor("admin@nordhafen.test", -3600);
      for (const path of documentedPaths("")) {
        expectReply(await get(path), 401, {}, path);
        expectReply(await get(path, { token: "garbage" }), 401, {}, path);
        expectReply(await get(path, { token: expired }), 401, {}, path);
        expectReply(await get(path, { headers: { cookie: "sessionid=forged" } }), 401, {}, path);
      }
    });

    it("403 {} for TEAM_ADMIN and MEMBER on every endpoint (they are not Teamwire admins)", async () => {
      for (const path of documentedPaths("")) {
        expectReply(await get(path, { token: teamAdmin }), 403, {}, path);
        expectReply(await get(path, { token: member }), 403, {}, path);
      }
    });
  });

  describe("organisation scoping (§1.0.3)", () => {
    it("an admin may name its own organisation: same answer as the short form", async () => {
      for (const [short, named] of documentedPaths("")
        .slice(1)
        .map((path, i) => [path, scopedPaths(String(org2.number))[i]!] as const)) {
        expect(expectOk(await get(named, { token: admin2 }), named)).toEqual(expectOk(await get(short, { token: admin2 }), short));
      }
    });

    it("an admin naming another organisation_id gets 403 {} on every path, whether it exists or not", async () => {
      for (const org of [String(org1.number), "3", "999", "0", "2147483648", "99999999999999999999"]) {
        for (const path of scopedPaths(org)) expectReply(await get(path, { token: admin2 }), 403, {}, path);
      }
    });

    it("a Superadmin may name any existing organisation; an unknown one is 404 {}", async () => {
      for (const path of scopedPaths(String(org2.number))) expectOk(await get(path, { token: superadmin }), path);
      for (const org of ["999", "0", "2147483648", "99999999999999999999"]) {
        for (const path of scopedPaths(org)) expectReply(await get(path, { token: superadmin }), 404, {}, path);
      }
    });

    it("a disabled organisation gets 403 {} on every endpoint, before any other check; its admins cannot log in", async () => {
      await whileDisabled(org2.id, async () => {
        for (const path of [
          ...documentedPaths(""),
          ...scopedPaths(String(org2.number)),
          ...scopedPaths("1"),
          `${S}/active_users/?year=abc`,
        ]) {
          expectReply(await get(path, { token: admin2 }), 403, {}, path);
        }
        const login = await get("/v1/admin/login/", { method: "POST", json: { email: "admin@bergwerk.test", password: DEMO_PASSWORD } });
        expect(login.status).toBe(403);
        expect(login.headers.getSetCookie()).toEqual([]);
        // another organisation being disabled does not concern organisation 1
        expectOk(await get(`${S}/dashboard/`, { token: admin }));
      });
      // Superadmins included: their own organisation disabled → 403 even for another organisation
      await whileDisabled(org1.id, async () => {
        for (const path of [`${S}/dashboard/`, ...scopedPaths(String(org2.number)), ...scopedPaths("999")]) {
          expectReply(await get(path, { token: superadmin }), 403, {}, path);
        }
      });
      expectOk(await get(`${S}/dashboard/`, { token: admin2 }));
    });

    it("checks in the documented order: 401 → role 403 → organisation 403 → 404 → 400", async () => {
      const bad = "year=abc&month=13";
      expectReply(await get(`${S}/active_users/999/?${bad}`), 401, {});
      expectReply(await get(`${S}/active_users/999/?${bad}`, { token: teamAdmin }), 403, {});
      expectReply(await get(`${S}/active_users/999/?${bad}`, { token: admin }), 403, {});
      expectReply(await get(`${S}/active_users/${org2.number}/?${bad}`, { token: admin }), 403, {});
      expectReply(await get(`${S}/active_users/999/?${bad}`, { token: superadmin }), 404, {});
      expectReply(await get(`${S}/activated_connectors/99999999999999999999/?${bad}`, { token: superadmin }), 404, {});
      expectReply(await get(`${S}/active_users/${org2.number}/?${bad}`, { token: superadmin }), 400, {});
      expectReply(await get(`${S}/active_users/?${bad}`, { token: admin }), 400, {});
    });
  });

  describe("hostile parameters and unknown routes", () => {
    it("400 {} for a missing or invalid year or month on every series endpoint", async () => {
      const queries = [
        "",
        "?month=3",
        "?year=",
        "?year=abc",
        "?year=1969",
        "?year=10000",
        "?year=2025.0",
        "?year=-2025",
        "?year=+2025",
        "?year=1e3",
        "?year=2025&month=0",
        "?year=2025&month=13",
        "?year=2025&month=3x",
        "?year=2025&month=-1",
        "?year=2025&year=2024",
        "?year[]=2025",
        "?year=99999999999999999999",
        "?year=2025&month=99999999999999999999",
      ];
      for (const { segment } of SERIES) {
        for (const query of queries) {
          expectReply(await get(`${S}/${segment}/${query}`, { token: admin }), 400, {}, `${segment}${query}`);
          expectReply(await get(`${S}/${segment}/1/${query}`, { token: superadmin }), 400, {}, `${segment}/1${query}`);
        }
      }
    });

    it("404 {} for unknown routes: api_version, trailing slash, non-numeric organisation_id, discriminator", async () => {
      const paths = [
        `${S}/dashboard`,
        "/v2/admin/stats/dashboard/",
        "/v/admin/stats/dashboard/",
        "/v01/admin/stats/dashboard/",
        "/vx/admin/stats/dashboard/",
        `${S}/`,
        `${S}/unknown/`,
        "/v1/admin/",
        `${S}/active_users?year=2025`,
        `${S}/active_users/1?year=2025`,
        `${S}/last_usages`,
        `${S}/device/os`,
        `${S}/device/`,
        `${S}/device/OS/`,
        `${S}/device/foo/`,
        `${S}/device/os/1`,
        `${S}/device/os/1/extra/`,
        `${S}/DASHBOARD/`,
        ...["abc", "-1", "1e3", "1.0", "0x1", "%201", "1%20", "%E2%91%A0"].flatMap((org) => [
          `${S}/active_users/${org}/?year=2025`,
          `${S}/last_usages/${org}/`,
          `${S}/device/os/${org}/`,
        ]),
      ];
      for (const path of paths) {
        expectReply(await get(path, { token: admin }), 404, {}, path);
        expectReply(await get(path, { token: superadmin }), 404, {}, path);
      }
    });

    it("malformed query strings: the documented 400 {} or an ordinary answer, never a 500 or a stack trace", async () => {
      expectReply(await get(`${S}/active_users/?year=%ZZ`, { token: superadmin }), 400, {});
      expectReply(await get(`${S}/active_users/?year=2025&month=%ZZ`, { token: superadmin }), 400, {});
      expectReply(await get(`${S}/active_users/?year=%00`, { token: superadmin }), 400, {});
      for (const path of [`${S}/device/os/?os=%ZZ`, `${S}/device/os/?os[a]=1`, `${S}/device/client/?client=${"x".repeat(5000)}`]) {
        const response = await get(path, { token: superadmin });
        expect(response.status, path).toBeLessThan(500);
        expect(response.text, path).not.toMatch(NO_TRACE);
      }
    });

    it("405 {} with Allow: GET for other methods on documented paths", async () => {
      for (const path of documentedPaths("").concat(scopedPaths("1"))) {
        for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
          const response = await get(path, { method, token: admin });
          expectReply(response, 405, {}, `${method} ${path}`);
          expect(response.headers.get("allow")).toBe("GET");
        }
      }
    });
  });
});
