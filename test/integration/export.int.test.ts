import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ExportCheckTeamsDocument,
  ExportCheckUsersDocument,
  IngestUsageDocument,
  OrganizationStatisticsDocument,
  OrganizationUsageDocument,
  OrgNameDocument,
  TeamDetailDocument,
  TeamNameDocument,
  TimeZoneActiveUsersDocument,
  TimeZoneOrganizationUsageDocument,
  UsageRangeDocument,
  UserDetailDocument,
  UserEmailDocument,
  type Resolution,
} from "../__generated__/graphql.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLResponse, type GraphQLTestServer } from "../helpers/graphql.js";
import { STORE_KINDS } from "../helpers/stores.js";

// CSV and ZIP exports (src/export/) against GraphQL's answers to the same questions. Seed: TEST_SEED
// (three organizations, history ending 2025-03-05).

/** An independent RFC 4180 reader: records of fields, CRLF line ends, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== "," && c !== "\r" && c !== "\n")) field += c;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      records.push([...record, field]);
      record = [];
      field = "";
      i++;
    } else throw new Error(`bare CR or LF at ${i}`);
  }
  expect(field === "" && record.length === 0, "the file ends with CRLF").toBe(true);
  return records;
}

interface Download {
  status: number;
  headers: Headers;
  text: string;
  body: Buffer;
}

function errorsOf(download: Download) {
  expect(download.headers.get("content-type")).toMatch(/^application\/json/);
  return (JSON.parse(download.text) as { errors: { message: string; extensions: { code: string } }[] }).errors;
}

/** What GraphQL answered as the single error of a response: message and code. */
function graphqlError(response: GraphQLResponse<unknown>) {
  const [error] = response.body.errors ?? [];
  expect(error, JSON.stringify(response.body)).toBeDefined();
  return { message: error!.message, code: error!.extensions?.code };
}

describe.each(STORE_KINDS)("exports (%s)", (kind) => {
  let server: GraphQLTestServer;
  let admin: string;
  let member: string;
  let superadmin: string;
  let own: { id: string; slug: string };
  let other: { id: string; teamId: string; userId: string };
  const odd = { teamId: randomUUID(), teamName: 'Sales, "EMEA"\nNorth', userId: randomUUID(), firstName: 'Ann, "Jo"', lastName: "Smith" };

  const get = async (path: string, token?: string | null): Promise<Download> => {
    const response = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body, text: body.toString("utf8") };
  };
  const csv = async (path: string, token = admin) => {
    const download = await get(path, token);
    expect(download.status, download.text.slice(0, 500)).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    return { ...download, records: parseCsv(download.text) };
  };

  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
    const prisma = server.store.db.prisma;
    const organizations = await prisma.organization.findMany({ orderBy: { number: "asc" } });
    own = { id: organizations[0]!.id, slug: organizations[0]!.slug };
    const otherTeam = await prisma.team.findFirstOrThrow({ where: { organizationId: organizations[1]!.id } });
    const otherUser = await prisma.user.findFirstOrThrow({ where: { organizationId: organizations[1]!.id } });
    other = { id: organizations[1]!.id, teamId: otherTeam.id, userId: otherUser.id };
    admin = await server.tokenFor(`admin@${own.slug}.test`);
    superadmin = await server.tokenFor("superadmin@demo.test");
    const someMember = await prisma.user.findFirstOrThrow({ where: { organizationId: own.id, role: "MEMBER" } });
    member = await server.tokenFor(someMember.email);
    const ingested = await server.request(
      IngestUsageDocument,
      {
        input: {
          teams: [{ id: odd.teamId, name: odd.teamName, organizationId: own.id }],
          users: [
            {
              id: odd.userId,
              email: `odd.user@${own.slug}.test`,
              firstName: odd.firstName,
              lastName: odd.lastName,
              organizationId: own.id,
              teamId: odd.teamId,
              identities: [{ vendor: "TABNINE", externalId: "tn,odd" }],
            },
          ],
          events: [
            {
              idempotencyKey: "export-test-1",
              organizationId: own.id,
              userId: odd.userId,
              vendor: "TABNINE",
              metric: "CODE_COMPLETIONS",
              timestamp: "2025-03-01T10:15:00Z",
              value: 7,
            },
          ],
        },
      },
      admin,
    );
    expectNoErrors(ingested);
  }, 180_000);
  afterAll(() => server?.close());

  const RANGES: [Resolution, string, string][] = [
    ["HOUR", "2025-03-01T00:00:00Z", "2025-03-03T00:00:00Z"],
    ["DAY", "2025-02-01", "2025-03-01"],
    ["WEEK", "2025-01-06", "2025-03-03"],
    ["MONTH", "2024-11-01", "2025-04-01"],
  ];

  it.each(RANGES)(
    "usage.csv at %s has the header and one row per bucket × vendor × metric, with GraphQL's values",
    async (resolution, from, to) => {
      const file = await csv(`/export/usage.csv?from=${from}&to=${to}&resolution=${resolution}`);
      const iso = (value: string) => new Date(value).toISOString();
      const day = (value: string) => iso(value).slice(0, 10);
      expect(file.headers.get("content-disposition")).toBe(`attachment; filename="usage-${own.slug}-${day(from)}-${day(to)}.csv"`);
      const { organization } = expectNoErrors(
        await server.request(OrganizationUsageDocument, { from: iso(from), to: iso(to), resolution }, admin),
      );
      const expected = organization!.usage.points.flatMap((point) =>
        point.values.map((value) => [point.from, point.to, value.vendor, value.metric, String(value.value)]),
      );
      const [header, ...rows] = file.records;
      expect(header).toEqual(["bucket_start", "bucket_end", "vendor", "metric", "value"]);
      expect(organization!.usage.points.length).toBeGreaterThan(1);
      expect(rows).toHaveLength(expected.length);
      expect(rows).toEqual(expected);
      expect(rows.some((row) => Number(row[4]) > 0)).toBe(true);
    },
  );

  it("usage.csv read in pages of buckets equals one GraphQL answer over the whole range, also for vendor and metrics", async () => {
    const [from, to] = ["2025-01-20T05:30:00Z", "2025-03-05T00:00:00Z"]; // > 500 hours, not aligned
    const file = await csv(`/export/usage.csv?from=${from}&to=${to}&resolution=HOUR&vendor=TABNINE&metrics=CODE_COMPLETIONS,ACTIVE_USERS`);
    const { organization } = expectNoErrors(
      await server.request(
        OrganizationUsageDocument,
        { from, to, resolution: "HOUR", vendor: "TABNINE", metrics: ["CODE_COMPLETIONS", "ACTIVE_USERS"] },
        admin,
      ),
    );
    const expected = organization!.usage.points.flatMap((point) =>
      point.values.map((value) => [point.from, point.to, value.vendor, value.metric, String(value.value)]),
    );
    expect(expected.length).toBeGreaterThan(1000);
    expect(file.records.slice(1)).toEqual(expected);
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="usage-${own.slug}-2025-01-20T053000Z-2025-03-05.csv"`);
  });

  it("usage.csv on a local calendar (timeZone) equals GraphQL's usage in that zone, also when read in pages", async () => {
    const [from, to] = ["2025-01-10T23:00:00.000Z", "2025-03-04T23:00:00.000Z"]; // local midnights in Berlin, > 500 hours
    for (const resolution of ["HOUR", "DAY", "WEEK"] as const) {
      const file = await csv(`/export/usage.csv?from=${from}&to=${to}&resolution=${resolution}&vendor=TABNINE&timeZone=Europe/Berlin`);
      const { organization } = expectNoErrors(
        await server.request(
          TimeZoneOrganizationUsageDocument,
          { from, to, resolution, vendor: "TABNINE", timeZone: "Europe/Berlin" },
          admin,
        ),
      );
      expect(organization!.usage.timeZone).toBe("Europe/Berlin");
      const expected = organization!.usage.points.flatMap((point) =>
        point.values.map((value) => [point.from, point.to, value.vendor, value.metric, String(value.value)]),
      );
      expect(file.records.slice(1)).toEqual(expected);
    }
    const day = await csv(`/export/usage.csv?from=${from}&to=${to}&resolution=DAY&vendor=TABNINE&timeZone=Europe/Berlin`);
    expect(day.records[1]![0]).toBe("2025-01-10T23:00:00.000Z");
  });

  it("usage.csv of a team or a user equals that team's or user's GraphQL usage", async () => {
    const variables = { from: "2025-02-01T00:00:00.000Z", to: "2025-03-05T00:00:00.000Z", resolution: "DAY" as const };
    const { team } = expectNoErrors(await server.request(TeamDetailDocument, { id: odd.teamId, ...variables }, admin));
    const teamFile = await csv(`/export/usage.csv?from=2025-02-01&to=2025-03-05&resolution=DAY&team=${odd.teamId}`);
    const rowsOf = (points: { from: string; values: { metric: string; vendor: string; value: number }[] }[]) =>
      points.flatMap((point) => point.values.map((value) => [point.from, value.vendor, value.metric, String(value.value)]));
    const drop = (records: string[][]) => records.slice(1).map(([start, , vendor, metric, value]) => [start, vendor, metric, value]);
    expect(drop(teamFile.records)).toEqual(rowsOf(team!.usage.points));
    const { user } = expectNoErrors(await server.request(UserDetailDocument, { id: odd.userId, ...variables }, admin));
    const userFile = await csv(`/export/usage.csv?from=2025-02-01&to=2025-03-05&resolution=DAY&user=${odd.userId}`);
    expect(drop(userFile.records)).toEqual(rowsOf(user!.usage.points));
    expect(drop(userFile.records)).toContainEqual(["2025-03-01T00:00:00.000Z", "TABNINE", "CODE_COMPLETIONS", "7"]);
  });

  it("refuses another tenant's team, user or organization exactly as GraphQL refuses it", async () => {
    const range = "from=2025-02-01&to=2025-03-01&resolution=DAY";
    const cases: [string, GraphQLResponse<unknown>][] = [
      [`/export/usage.csv?${range}&team=${other.teamId}`, await server.request(TeamNameDocument, { id: other.teamId }, admin)],
      [`/export/usage.csv?${range}&user=${other.userId}`, await server.request(UserEmailDocument, { id: other.userId }, admin)],
      [`/export/usage.csv?${range}&organization=${other.id}`, await server.request(OrgNameDocument, { id: other.id }, admin)],
      [`/export/users.csv?organization=${other.id}`, await server.request(OrgNameDocument, { id: other.id }, admin)],
      [`/export/users.csv?team=${other.teamId}`, await server.request(TeamNameDocument, { id: other.teamId }, admin)],
      [`/export/organization.zip?${range}&organization=${other.id}`, await server.request(OrgNameDocument, { id: other.id }, admin)],
    ];
    for (const [path, graphql] of cases) {
      const expected = graphqlError(graphql);
      expect(expected.code).toBe("NOT_FOUND");
      const download = await get(path, admin);
      expect(download.status, path).toBe(404);
      expect(
        errorsOf(download).map((error) => ({ message: error.message, code: error.extensions.code })),
        path,
      ).toEqual([expected]);
      expect(download.headers.get("content-disposition")).toBeNull();
    }
  });

  it("refuses a team that is not of the organization named by a SUPERADMIN", async () => {
    const download = await get(
      `/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY&organization=${other.id}&team=${odd.teamId}`,
      superadmin,
    );
    expect(download.status).toBe(404);
    expect(errorsOf(download)).toEqual([{ message: `team ${odd.teamId} not found`, extensions: { code: "NOT_FOUND", id: odd.teamId } }]);
    const own = await get(`/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY&team=${odd.teamId}`, superadmin);
    expect(own.status).toBe(200);
  });

  it("refuses what the role may not read as GraphQL does (a MEMBER and the organization's usage)", async () => {
    const graphql = graphqlError(
      await server.request(
        OrganizationUsageDocument,
        { from: "2025-02-01T00:00:00Z", to: "2025-03-01T00:00:00Z", resolution: "DAY" },
        member,
      ),
    );
    const download = await get("/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY", member);
    expect(download.status).toBe(403);
    expect(errorsOf(download).map((error) => ({ message: error.message, code: error.extensions.code }))).toEqual([graphql]);
  });

  it("lets a SUPERADMIN export another organization with organization=<id>", async () => {
    const file = await csv(`/export/users.csv?organization=${other.id}`, superadmin);
    const slug = (await server.store.db.prisma.organization.findUniqueOrThrow({ where: { id: other.id } })).slug;
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="users-${slug}.csv"`);
    const count = await server.store.db.prisma.user.count({ where: { organizationId: other.id } });
    expect(file.records).toHaveLength(count + 1);
  });

  it("answers 401 JSON without a token or with a bad one", async () => {
    for (const token of [null, "not-a-token"]) {
      const download = await get("/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY", token);
      expect(download.status).toBe(401);
      expect(errorsOf(download)[0]!.extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it("answers 400 JSON naming the parameter for bad, missing and unknown parameters", async () => {
    const cases: [string, RegExp][] = [
      ["/export/usage.csv?to=2025-03-01&resolution=DAY", /^from: is required$/],
      ["/export/usage.csv?from=yesterday&to=2025-03-01&resolution=DAY", /^from: must be a date/],
      ["/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=YEAR", /^resolution: must be one of HOUR, DAY, WEEK, MONTH$/],
      ["/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY&colour=red", /^colour: unknown parameter/],
      ["/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY&timeZone=Mars/Olympus", /^timeZone must be an IANA time zone name/],
      ["/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY&metrics=CODE_COMPLETIONS,NOPE", /^metrics\.1: must be one of/],
      ["/export/usage.csv?from=2025-02-01&from=2025-02-02&to=2025-03-01&resolution=DAY", /^from: must be given once$/],
      [
        `/export/usage.csv?from=2025-02-01&to=2025-03-01&resolution=DAY&team=${odd.teamId}&user=${odd.userId}`,
        /^user: give team or user, not both$/,
      ],
      ["/export/devices.csv?discriminator=COLOUR", /^discriminator: must be one of OS, CLIENT, IS_MANAGED, LOCALE$/],
      ["/export/active-users.csv?year=2025&month=13", /^month: must be from 1 to 12$/],
      ["/export/teams.csv?from=2025-02-01", /^to: give from and to together/],
    ];
    for (const [path, message] of cases) {
      const download = await get(path, admin);
      expect(download.status, `${path} ${download.text.slice(0, 300)}`).toBe(400);
      const errors = errorsOf(download);
      expect(errors.map((error) => error.extensions.code)).toContain("BAD_USER_INPUT");
      expect(
        errors.map((error) => error.message).some((text) => message.test(text)),
        `${path}: ${download.text}`,
      ).toBe(true);
    }
    const utc = await get("/export/usage.csv?from=2025-02-01&to=2025-02-02&resolution=DAY&timeZone=UTC", admin);
    expect(utc.status).toBe(200);
  });

  it("refuses a range GraphQL refuses, with GraphQL's message", async () => {
    for (const [from, to, resolution] of [
      ["2025-03-01T00:00:00.000Z", "2025-02-01T00:00:00.000Z", "DAY"],
      ["2020-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z", "HOUR"],
    ] as const) {
      const expected = graphqlError(await server.request(UsageRangeDocument, { from, to, resolution }, admin));
      const download = await get(`/export/usage.csv?from=${from}&to=${to}&resolution=${resolution}`, admin);
      expect(download.status).toBe(400);
      expect(errorsOf(download).map((error) => ({ message: error.message, code: error.extensions.code }))).toEqual([expected]);
    }
  });

  it("quotes names with commas, quotes and line breaks (RFC 4180) in teams.csv and users.csv", async () => {
    const teams = await csv("/export/teams.csv");
    expect(teams.text).toContain(`${odd.teamId},"Sales, ""EMEA""\nNorth",`);
    expect(teams.records.find((record) => record[0] === odd.teamId)?.[1]).toBe(odd.teamName);
    const users = await csv("/export/users.csv");
    const header = users.records[0]!;
    const row = users.records.find((record) => record[0] === odd.userId)!;
    const field = (name: string) => row[header.indexOf(name)];
    expect(field("name")).toBe(`${odd.firstName} ${odd.lastName}`);
    expect(field("team_name")).toBe(odd.teamName);
    expect(field("tabnine_id")).toBe("tn,odd");
    expect(users.text).toContain(`"Ann, ""Jo"" Smith"`);
  });

  it("users.csv lists every user with GraphQL's fields", async () => {
    const { organization } = expectNoErrors(await server.request(ExportCheckUsersDocument, { first: 500 }, admin));
    const file = await csv("/export/users.csv");
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="users-${own.slug}.csv"`);
    const [header, ...rows] = file.records;
    expect(header!.slice(0, 9)).toEqual(["id", "email", "name", "username", "role", "status", "kind", "team_id", "team_name"]);
    expect(header).toEqual(expect.arrayContaining(["teamwire_id", "rocketchat_id", "tabnine_id", "last_active_at"]));
    expect(rows).toHaveLength(organization!.users.totalCount);
    const column = (name: string) => header!.indexOf(name);
    for (const user of organization!.users.nodes) {
      const row = rows.find((record) => record[0] === user.id)!;
      expect([row[1], row[2], row[4], row[5], row[column("team_name")], row[column("last_active_at")]]).toEqual([
        user.email,
        user.name,
        user.role,
        user.status,
        user.team?.name ?? "",
        user.lastActiveAt ?? "",
      ]);
      const tabnine = user.identities.filter((identity) => identity.vendor === "TABNINE").map((identity) => identity.externalId);
      expect(row[column("tabnine_id")]).toBe(tabnine.join(";"));
    }
  });

  it("teams.csv has GraphQL's member counts and, with from/to, its usage totals", async () => {
    const [from, to] = ["2025-02-01T00:00:00.000Z", "2025-03-05T00:00:00.000Z"];
    const { organization } = expectNoErrors(await server.request(ExportCheckTeamsDocument, { from, to }, admin));
    const file = await csv(`/export/teams.csv?from=2025-02-01&to=2025-03-05`);
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="teams-${own.slug}-2025-02-01-2025-03-05.csv"`);
    const [header, ...rows] = file.records;
    expect(rows).toHaveLength(organization!.teams.totalCount);
    for (const team of organization!.teams.nodes) {
      const row = rows.find((record) => record[0] === team.id)!;
      expect(row.slice(4, 8).map(Number)).toEqual([
        team.usersCount,
        team.utilization.registered,
        team.utilization.deactivated,
        team.utilization.invited,
      ]);
      for (const total of team.usage.totals) {
        const index = header!.indexOf(`${total.vendor.toLowerCase()}_${total.metric.toLowerCase()}`);
        expect(index, `${total.vendor} ${total.metric}`).toBeGreaterThan(7);
        expect(Number(row[index])).toBe(total.value);
      }
    }
    const plain = await csv("/export/teams.csv");
    expect(plain.records[0]).toEqual(["id", "name", "is_default", "created_at", "members", "registered", "deactivated", "invited"]);
  });

  it("users.csv with team lists that team's members, as users.csv rows", async () => {
    const file = await csv(`/export/users.csv?team=${odd.teamId}`);
    const members = await server.store.db.prisma.user.findMany({ where: { teamId: odd.teamId }, select: { id: true } });
    expect(members.length).toBeGreaterThan(0);
    expect(file.records[0]).toEqual((await csv("/export/users.csv")).records[0]);
    expect(
      file.records
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(members.map((member) => member.id).sort());
    expect(new Set(file.records.slice(1).map((row) => row[7]))).toEqual(new Set([odd.teamId]));
  });

  it("active-users.csv on a local calendar equals GraphQL's activeUsers(timeZone)", async () => {
    const { organization } = expectNoErrors(
      await server.request(TimeZoneActiveUsersDocument, { year: 2025, month: 3, timeZone: "America/New_York" }, admin),
    );
    const file = await csv("/export/active-users.csv?year=2025&month=3&vendor=TABNINE&timeZone=America/New_York");
    expect(file.records.slice(1)).toEqual(organization!.activeUsers.points.map((point) => [point.date, "TABNINE", String(point.count)]));
    expect(file.records.slice(1).some((row) => Number(row[2]) > 0)).toBe(true);
  });

  it("active-users.csv and devices.csv hold GraphQL's statistics", async () => {
    for (const month of [3, undefined]) {
      const { organization } = expectNoErrors(
        await server.request(OrganizationStatisticsDocument, { year: 2025, month, discriminator: "CLIENT" }, admin),
      );
      const file = await csv(`/export/active-users.csv?year=2025${month ? `&month=${month}` : ""}`);
      expect(file.records[0]).toEqual(["date", "vendor", "active_users"]);
      expect(file.records.slice(1)).toEqual(organization!.activeUsers.points.map((point) => [point.date, "", String(point.count)]));
      if (month) {
        const devices = await csv("/export/devices.csv?discriminator=CLIENT");
        expect(devices.records).toEqual([
          ["client", "client_version", "devices"],
          ...organization!.deviceStats.map((stat) => [stat.client ?? "", stat.clientVersion ?? "", String(stat.total)]),
        ]);
        expect(devices.records.length).toBeGreaterThan(1);
      }
    }
  });

  it("organization.zip holds every export, equal to the single files", async () => {
    const download = await get("/export/organization.zip?from=2025-02-01&to=2025-03-05", admin);
    expect(download.status, download.text.slice(0, 300)).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="organization-${own.slug}-2025-02-01-2025-03-05.zip"`);
    const files = unzipSync(download.body);
    expect(Object.keys(files).sort()).toEqual(
      [
        "active-users.csv",
        "devices-client.csv",
        "devices-is-managed.csv",
        "devices-locale.csv",
        "devices-os.csv",
        "teams.csv",
        "usage.csv",
        "users.csv",
      ].sort(),
    );
    const text = (name: string) => strFromU8(files[name]!);
    expect(text("usage.csv")).toBe((await csv("/export/usage.csv?from=2025-02-01&to=2025-03-05&resolution=DAY")).text);
    expect(text("users.csv")).toBe((await csv("/export/users.csv")).text);
    expect(text("teams.csv")).toBe((await csv("/export/teams.csv?from=2025-02-01&to=2025-03-05")).text);
    expect(text("devices-os.csv")).toBe((await csv("/export/devices.csv?discriminator=OS")).text);
    const february = parseCsv((await csv("/export/active-users.csv?year=2025&month=2")).text).slice(1);
    const march = parseCsv((await csv("/export/active-users.csv?year=2025&month=3")).text).slice(1, 5);
    expect(parseCsv(text("active-users.csv"))).toEqual([["date", "vendor", "active_users"], ...february, ...march]);
  });

  it("documents every export in /openapi.json with its parameters, file type and bearer auth", async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<
        string,
        { get?: { parameters: { name: string; required: boolean }[]; responses: Record<string, { content: Record<string, unknown> }> } }
      >;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(document.components.securitySchemes.gatewayBearer).toMatchObject({ type: "http", scheme: "bearer" });
    const types: [string, string][] = [
      ["/export/usage.csv", "text/csv"],
      ["/export/active-users.csv", "text/csv"],
      ["/export/devices.csv", "text/csv"],
      ["/export/users.csv", "text/csv"],
      ["/export/teams.csv", "text/csv"],
      ["/export/organization.zip", "application/zip"],
    ];
    for (const [path, type] of types) {
      const operation = document.paths[path]?.get;
      expect(operation, path).toBeDefined();
      expect(Object.keys(operation!.responses["200"]!.content)).toEqual([type]);
      expect(operation!.responses["401"]!.content["application/json"]).toBeDefined();
    }
    const usage = document.paths["/export/usage.csv"]!.get!.parameters;
    expect(
      usage
        .filter((parameter) => parameter.required)
        .map((parameter) => parameter.name)
        .sort(),
    ).toEqual(["from", "resolution", "to"]);
    expect(usage.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(["team", "user", "metrics", "vendor", "timeZone", "organization"]),
    );
  });

  it("streams a large export: rows reach the client while most pages are still unread", async () => {
    // The server's progress is the usage statements it has run (each page runs its own).
    let statements = 0;
    let counting = true;
    server.store.db.prisma.$on("query", (event) => {
      if (counting && event.query.includes("UsageRollup")) statements++;
    });
    const response = await fetch(`${server.url}/export/usage.csv?from=2024-01-01&to=2025-02-15&resolution=HOUR`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let atFirstChunk = -1;
    let chunks = 0;
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      const chunk = next.value as Uint8Array;
      if (atFirstChunk < 0) atFirstChunk = statements;
      chunks++;
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) lines++;
    }
    counting = false;
    const hours = (Date.UTC(2025, 1, 15) - Date.UTC(2024, 0, 1)) / 3_600_000;
    expect(lines % hours, "one line per bucket × pair, plus the header").toBe(1);
    expect(bytes).toBeGreaterThan(5_000_000);
    expect(chunks).toBeGreaterThan(20);
    // 20 pages of 500 hours; a body built whole in memory would have run every statement before the first byte.
    // Client and server share this process's event loop, so the client sees the first chunk a few pages late.
    expect(statements).toBeGreaterThanOrEqual(20);
    expect(atFirstChunk, `${atFirstChunk} of ${statements} usage statements had run at the first chunk`).toBeLessThan(statements * 0.75);
  });
});
