import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tabnineAdapter } from "../../src/rest/tabnine/adapter.js";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { fixture } from "../helpers/contract.js";
import { compileBoth, createAjv, loadOpenApi30, toJsonSchema, type OpenApi30Document } from "../helpers/openapi30.js";
import { restRequest, type RestResponse } from "../helpers/rest.js";
import { STORE_KINDS } from "../helpers/stores.js";

// Tabnine's own OpenAPI document (docs/vendors/tabnine/usagemetricsAPI.yaml) judges every answer of the
// adapter: each of the 13 operations is called on a seeded gateway until it has produced every status
// the document lists for it, and each body is validated against the document's schema of that status.
// The only status outside the document is 403 on 3.1–3.10 (Admins only, docs/vendors/tabnine.md).

const DOCS = new URL("../../docs/vendors/tabnine/", import.meta.url);

const OPERATION_KEYS = [
  "GET /api/v1/organization",
  "GET /api/v1/organization/teams",
  "GET /api/v1/organization/account-utilizations",
  "GET /api/v1/organization/usage",
  "GET /api/v1/organization/users",
  "GET /api/v1/license",
  "GET /api/v1/instance/permissions",
  "GET /api/v1/team/{teamId}/users",
  "GET /api/v1/team/account-utilizations",
  "GET /api/v1/team/{teamId}",
  "GET /api/v1/team/usage",
  "GET /api/v1/user/{user_id}",
  "GET /api/v1/user/usage",
];

/** The examples of docs/vendors/tabnine.md (src/rest/tabnine/fixtures) and the operation each shows. */
const FIXTURES: Record<string, string> = {
  organization: "GET /api/v1/organization",
  teams: "GET /api/v1/organization/teams",
  "account-utilizations": "GET /api/v1/organization/account-utilizations",
  "organization-usage": "GET /api/v1/organization/usage",
  users: "GET /api/v1/organization/users",
  license: "GET /api/v1/license",
  permissions: "GET /api/v1/instance/permissions",
  "team-utilization": "GET /api/v1/team/account-utilizations",
  team: "GET /api/v1/team/{teamId}",
  "team-usage": "GET /api/v1/team/usage",
  user: "GET /api/v1/user/{user_id}",
  "user-usage": "GET /api/v1/user/usage",
};

/** Operations where the gateway answers 403 though the document lists none: a caller who is not an Admin. */
const FORBIDDEN_UNDOCUMENTED = new Set(OPERATION_KEYS.slice(0, 10));

/** Documented statuses the gateway cannot produce on an operation, and why. */
const NEVER: Record<string, Record<number, string>> = {
  "GET /api/v1/organization": { 400: "it has no parameters", 404: "the caller's organization always exists" },
  "GET /api/v1/organization/teams": { 404: "the caller's organization always exists" },
  "GET /api/v1/organization/account-utilizations": { 404: "the caller's organization always exists" },
  "GET /api/v1/organization/users": { 404: "the caller's organization always exists" },
  "GET /api/v1/license": { 400: "it has no parameters" },
  "GET /api/v1/instance/permissions": { 404: "the caller's organization always exists; an unknown role is []" },
  "GET /api/v1/team/{teamId}": { 400: "its only parameter is in the path: one that does not parse is an undocumented URL (404)" },
  "GET /api/v1/user/{user_id}": { 400: "its only parameter is in the path: one that does not parse is an undocumented URL (404)" },
};

const ERROR_BODIES: Record<number, unknown> = {
  400: { error: "BAD_REQUEST", message: "Invalid or missing parameters.", status: 400 },
  401: { error: "UNAUTHORIZED", message: "Invalid token.", status: 401 },
  403: { error: "FORBIDDEN", message: "User lacks permission.", status: 403 },
  404: { error: "NOT_FOUND", message: "Resource not found.", status: 404 },
  500: { error: "INTERNAL_SERVER_ERROR", message: "Unexpected server error.", status: 500 },
};

/** Tables the stored operations read and authentication does not: renamed, every operation fails inside. */
const STORE_TABLES = ["Organization", "Team", "Identity"];

type Case = readonly [status: number, path: string, token?: string];

const JAN_APR = "from=2025-01-01T00:00:00.000Z&to=2025-04-01T00:00:00.000Z";
const GRANULARITIES = ["all", "daily", "weekly", "monthly", "week"];

describe("Tabnine's OpenAPI documents", () => {
  let current: OpenApi30Document;
  let withExamples: OpenApi30Document;
  beforeAll(async () => {
    [current, withExamples] = await Promise.all([
      loadOpenApi30(new URL("usagemetricsAPI.yaml", DOCS)),
      loadOpenApi30(new URL("usagemetricsAPI.with-examples.yaml", DOCS)),
    ]);
  });

  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => !["description", "example", "examples"].includes(key))
              .map(([key, child]) => [key, strip(child)]),
          )
        : value;

  it("are valid OpenAPI 3.0 with the same 13 operations, statuses and schemas; the adapter serves exactly those", () => {
    expect(current.version).toBe("3.0.3");
    expect([...current.operations.keys()].sort()).toEqual([...withExamples.operations.keys()].sort());
    expect(current.operations.size).toBe(13);
    for (const [key, operation] of current.operations) {
      const other = withExamples.operations.get(key)!;
      expect(other.statuses, key).toEqual(operation.statuses);
      expect(strip(other.schemas), key).toEqual(strip(operation.schemas));
    }
    const served = tabnineAdapter.routes.map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.sort()).toEqual([...current.operations.keys()].sort());
  });

  it("accept the vendor's own examples and refuse them broken (the validator can fail)", () => {
    const ajv = createAjv();
    let examples = 0;
    for (const [key, operation] of withExamples.operations) {
      const { documented, closed } = compileBoth(ajv, operation.schemas[200]!);
      for (const example of operation.examples) {
        examples++;
        expect(documented(example), `${key}: ${ajv.errorsText(documented.errors)}`).toBe(true);
        expect(closed(example), `${key} (closed): ${ajv.errorsText(closed.errors)}`).toBe(true);
        expect(documented(breakExample(operation.schemas[200]!, example)), `${key} broken`).toBe(false);
      }
    }
    expect(examples).toBe(7);
  });

  it("accept the examples of docs/vendors/tabnine.md (the adapter's fixtures)", () => {
    const ajv = createAjv();
    for (const [name, key] of Object.entries(FIXTURES)) {
      const { documented, closed } = compileBoth(ajv, current.operations.get(key)!.schemas[200]!);
      const example = fixture("tabnine", name);
      expect(documented(example), `${name}: ${ajv.errorsText(documented.errors)}`).toBe(true);
      expect(closed(example), `${name} (closed): ${ajv.errorsText(closed.errors)}`).toBe(true);
    }
  });

  it("convert nullable and closed objects as documented (unit of the converter)", () => {
    const ajv = createAjv();
    const nullable = ajv.compile(toJsonSchema({ type: "string", format: "date-time", nullable: true }));
    expect([nullable(null), nullable("2025-01-01T00:00:00.000Z"), nullable("yesterday"), nullable(3)]).toEqual([true, true, false, false]);
    const user = current.operations.get("GET /api/v1/team/{teamId}/users")!.schemas[200]!;
    const { documented, closed } = compileBoth(ajv, user);
    const item = { id: "1", username: "a@b.example", email: "a@b.example", role: "Member", verified: true, deactivatedAt: null };
    expect(documented({ data: [item], meta: { count: 1, total: 1, next: null } })).toBe(true);
    expect(documented({ data: [{ ...item, extra: 1 }] })).toBe(true);
    expect(closed({ data: [{ ...item, extra: 1 }] })).toBe(false);
    expect(documented({ data: [{ ...item, email: "not an email" }] })).toBe(false);
    expect(documented({ data: [{ ...item, verified: undefined }] })).toBe(false);
  });
});

/** A copy of `example` with its first typed field (depth first) of the wrong JSON type. */
function breakExample(schema: Record<string, unknown>, example: unknown): unknown {
  if (schema.type === "array")
    return [breakExample(schema.items as Record<string, unknown>, (example as unknown[])[0]), ...(example as unknown[]).slice(1)];
  if (schema.type === "object") {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    const key = Object.keys(example as object).find((name) => properties[name]?.type)!;
    return { ...(example as object), [key]: breakExample(properties[key]!, (example as Record<string, unknown>)[key]) };
  }
  return schema.type === "string" ? 42 : "42";
}

describe.each(STORE_KINDS)("Tabnine adapter against Tabnine's OpenAPI document on %s", (kind) => {
  let server: GraphQLTestServer;
  let document: OpenApi30Document;
  const ajv = createAjv();
  const validators = new Map<string, ReturnType<typeof compileBoth>>();
  const ids = {} as Record<"org" | "otherOrg" | "team" | "otherOrgTeam" | "user" | "teamless" | "deactivated" | "otherOrgUser", string>;
  const tokens = {} as Record<"admin" | "superadmin" | "teamLead" | "member", string>;

  beforeAll(async () => {
    document = await loadOpenApi30(new URL("usagemetricsAPI.yaml", DOCS));
    server = await startGraphQLTestServer(kind, { env: { GRAPHQL_CACHE_TTL_SECONDS: "0" } });
    const prisma = server.store.db.prisma;
    const [org, other] = await Promise.all(
      ["nordhafen", "bergwerk"].map((slug) => prisma.organization.findUniqueOrThrow({ where: { slug } })),
    );
    ids.org = org!.id;
    ids.otherOrg = other!.id;
    const tabnine = (where: object) =>
      prisma.identity.findFirstOrThrow({
        where: { vendor: "TABNINE", user: where },
        include: { user: true },
        orderBy: { externalId: "asc" },
      });
    const inTeam = await tabnine({ organizationId: ids.org, teamId: { not: null }, role: "MEMBER", status: "REGISTERED" });
    ids.team = inTeam.user.teamId!;
    ids.user = inTeam.externalId;
    ids.teamless = (await tabnine({ organizationId: ids.org, teamId: null, status: "REGISTERED" })).externalId;
    ids.otherOrgUser = (await tabnine({ organizationId: ids.otherOrg })).externalId;
    ids.otherOrgTeam = (await prisma.team.findFirstOrThrow({ where: { organizationId: ids.otherOrg } })).id;
    // A deactivated member of the team, so that a list carries a non-null deactivatedAt.
    const teammate = await tabnine({ organizationId: ids.org, teamId: ids.team, role: "MEMBER", id: { not: inTeam.userId } });
    await prisma.user.update({
      where: { id: teammate.userId },
      data: { status: "DEACTIVATED", deactivatedAt: new Date("2025-02-10T12:00:00Z") },
    });
    ids.deactivated = teammate.externalId;
    const lead = await prisma.user.findFirstOrThrow({ where: { organizationId: ids.org, role: "TEAM_ADMIN", status: "REGISTERED" } });
    const member = await prisma.user.findFirstOrThrow({ where: { organizationId: ids.org, role: "MEMBER", status: "REGISTERED" } });
    tokens.admin = await server.tokenFor("admin@nordhafen.test");
    // A fractional count, which the ingest API accepts and the document's integer counts do not.
    const event = { idempotencyKey: "fractional", organizationId: ids.org, userId: inTeam.userId, vendor: "TABNINE" };
    const ingested = await fetch(`${server.url}/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify({ events: [{ ...event, metric: "CODE_COMPLETIONS", timestamp: "2025-02-11T10:00:00Z", value: 2.5 }] }),
    });
    expect(ingested.status, await ingested.text()).toBe(200);
    tokens.superadmin = await server.tokenFor("superadmin@demo.test");
    tokens.teamLead = await server.tokenFor(lead.email);
    tokens.member = await server.tokenFor(member.email);
  });
  afterAll(() => server?.close());

  /** Cases every operation answers the same way: 401 without a valid token, 403 for a team lead and a member. */
  const common = (path: string): Case[] => [
    [401, path, undefined],
    [401, path, "garbage"],
    [403, path, tokens.teamLead],
    [403, path, tokens.member],
  ];

  /** Per operation: a request for it (what the failure cases call) and the cases beyond `common`. */
  const operations = (): Record<string, { path: string; cases: Case[] }> => {
    const { admin, superadmin } = tokens;
    const usage = `organizationId=${ids.org}&${JAN_APR}`;
    return {
      "GET /api/v1/organization": { path: "/api/v1/organization", cases: [[200, "/api/v1/organization", superadmin]] },
      "GET /api/v1/organization/teams": {
        path: "/api/v1/organization/teams",
        cases: [
          [200, "/api/v1/organization/teams?offset=1&limit=1", admin],
          [200, "/api/v1/organization/teams?offset=99", admin],
          [400, "/api/v1/organization/teams?limit=-1", admin],
        ],
      },
      "GET /api/v1/organization/account-utilizations": {
        path: "/api/v1/organization/account-utilizations",
        cases: [
          [200, "/api/v1/organization/account-utilizations?startDate=2024-11", admin],
          [200, "/api/v1/organization/account-utilizations?startDate=2099-01", admin],
          [400, "/api/v1/organization/account-utilizations?startDate=2025-13", admin],
        ],
      },
      "GET /api/v1/organization/usage": {
        path: `/api/v1/organization/usage?${usage}&granularity=all`,
        cases: [
          ...GRANULARITIES.map((g): Case => [200, `/api/v1/organization/usage?${usage}&granularity=${g}`, admin]),
          [400, `/api/v1/organization/usage?${usage}`, admin],
          [404, `/api/v1/organization/usage?organizationId=${ids.otherOrg}&${JAN_APR}&granularity=all`, admin],
        ],
      },
      "GET /api/v1/organization/users": {
        path: "/api/v1/organization/users?offset=0&limit=0&teamMember=true&active=true",
        cases: [
          ...["true", "false"].flatMap((teamMember) =>
            ["true", "false"].map((active): Case => [
              200,
              `/api/v1/organization/users?offset=0&limit=0&teamMember=${teamMember}&active=${active}`,
              admin,
            ]),
          ),
          [200, "/api/v1/organization/users?offset=1&limit=2&teamMember=true&active=true", admin],
          [400, "/api/v1/organization/users?offset=0&limit=0&active=true", admin],
        ],
      },
      "GET /api/v1/license": { path: "/api/v1/license", cases: [] },
      "GET /api/v1/instance/permissions": {
        path: "/api/v1/instance/permissions?role=Admin",
        cases: [
          [200, "/api/v1/instance/permissions?role=TeamLead", admin],
          [200, "/api/v1/instance/permissions?role=Nobody", admin],
          [400, "/api/v1/instance/permissions", admin],
        ],
      },
      "GET /api/v1/team/{teamId}/users": {
        path: `/api/v1/team/${ids.team}/users?offset=0&limit=0`,
        cases: [
          [200, `/api/v1/team/${ids.team}/users?offset=1&limit=1`, admin],
          [400, `/api/v1/team/${ids.team}/users?offset=0`, admin],
          [404, `/api/v1/team/${randomUUID()}/users?offset=0&limit=0`, admin],
          [404, `/api/v1/team/${ids.otherOrgTeam}/users?offset=0&limit=0`, superadmin],
        ],
      },
      "GET /api/v1/team/account-utilizations": {
        path: `/api/v1/team/account-utilizations?teamId=${ids.team}`,
        cases: [
          [400, "/api/v1/team/account-utilizations", admin],
          [404, `/api/v1/team/account-utilizations?teamId=${ids.otherOrgTeam}`, admin],
        ],
      },
      "GET /api/v1/team/{teamId}": {
        path: `/api/v1/team/${ids.team}`,
        cases: [
          [404, `/api/v1/team/${randomUUID()}`, admin],
          [404, `/api/v1/team/${ids.otherOrgTeam}`, admin],
        ],
      },
      "GET /api/v1/team/usage": {
        path: `/api/v1/team/usage?${usage}&teamId=${ids.team}&granularity=all`,
        cases: [
          ...GRANULARITIES.map((g): Case => [200, `/api/v1/team/usage?${usage}&teamId=${ids.team}&granularity=${g}`, admin]),
          [400, `/api/v1/team/usage?${usage}&teamId=${ids.team}&granularity=hourly`, admin],
          [403, `/api/v1/team/usage?organizationId=${ids.otherOrg}&${JAN_APR}&teamId=${ids.team}&granularity=all`, admin],
          [403, `/api/v1/team/usage?${usage}&teamId=${ids.otherOrgTeam}&granularity=all`, admin],
          [404, `/api/v1/team/usage?${usage}&teamId=${randomUUID()}&granularity=all`, admin],
        ],
      },
      "GET /api/v1/user/{user_id}": {
        path: `/api/v1/user/${ids.user}`,
        cases: [
          [200, `/api/v1/user/${ids.teamless}`, admin],
          [200, `/api/v1/user/${ids.deactivated}`, admin],
          [403, `/api/v1/user/${ids.otherOrgUser}`, admin],
          [404, `/api/v1/user/${randomUUID()}`, admin],
        ],
      },
      "GET /api/v1/user/usage": {
        path: `/api/v1/user/usage?${usage}&userId=${ids.user}&granularity=all`,
        cases: [
          ...GRANULARITIES.map((g): Case => [200, `/api/v1/user/usage?${usage}&userId=${ids.user}&granularity=${g}`, admin]),
          [400, `/api/v1/user/usage?organizationId=${ids.org}&userId=${ids.user}&granularity=all`, admin],
          [403, `/api/v1/user/usage?${usage}&userId=${ids.otherOrgUser}&granularity=all`, admin],
          [404, `/api/v1/user/usage?${usage}&userId=${randomUUID()}&granularity=all`, admin],
        ],
      },
    };
  };

  /** Checks one answer against the document; returns its status. */
  function judge(key: string, expected: number, path: string, response: RestResponse): number {
    const context = `${key}: ${path} → ${response.status} ${response.text.slice(0, 300)}`;
    const operation = document.operations.get(key)!;
    expect(response.status, context).toBe(expected);
    expect(response.headers.get("content-type"), context).toBe("application/json; charset=utf-8");
    const documented = operation.statuses.includes(response.status) || (response.status === 403 && FORBIDDEN_UNDOCUMENTED.has(key));
    expect(documented, `${context}: not a status the document gives`).toBe(true);
    const schema = operation.schemas[response.status];
    if (schema) {
      const compiled = `${key} ${response.status}`;
      if (!validators.has(compiled)) validators.set(compiled, compileBoth(ajv, schema));
      const { documented: valid, closed } = validators.get(compiled)!;
      expect(valid(response.body), `${context}: ${ajv.errorsText(valid.errors)}`).toBe(true);
      expect(closed(response.body), `${context} (undocumented fields): ${ajv.errorsText(closed.errors)}`).toBe(true);
    }
    if (response.status !== 200) expect(response.text, context).toBe(JSON.stringify(ERROR_BODIES[response.status]));
    return response.status;
  }

  async function whileStoreFails<T>(action: () => Promise<T>): Promise<T> {
    const prisma = server.store.db.prisma;
    for (const table of STORE_TABLES) await prisma.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}_unavailable"`);
    try {
      return await action();
    } finally {
      for (const table of STORE_TABLES) await prisma.$executeRawUnsafe(`ALTER TABLE "${table}_unavailable" RENAME TO "${table}"`);
    }
  }

  it("every operation of the document has its cases here", () => {
    expect(Object.keys(operations()).sort()).toEqual([...document.operations.keys()].sort());
  });

  it.each(OPERATION_KEYS)("%s: every documented status is produced or explained; each answer matches the document", async (key) => {
    const { path, cases } = operations()[key]!;
    const seen = new Set<number>();
    const call = async ([status, url, token]: Case) => seen.add(judge(key, status, url, await restRequest(server.url, url, { token })));
    for (const c of [[200, path, tokens.admin] as Case, ...common(path), ...cases]) await call(c);
    if (key === "GET /api/v1/license") await withoutLicense(() => call([404, path, tokens.admin]));
    await whileStoreFails(() => call([500, path, tokens.admin]));
    const expected = new Set([...document.operations.get(key)!.statuses, ...(FORBIDDEN_UNDOCUMENTED.has(key) ? [403] : [])]);
    const never = Object.keys(NEVER[key] ?? {}).map(Number);
    for (const status of never) expect(seen.has(status), `${key} produced ${status}, listed as impossible`).toBe(false);
    expect([...seen, ...never].sort(), key).toEqual([...expected].sort());
  });

  async function withoutLicense(action: () => Promise<unknown>): Promise<void> {
    const prisma = server.store.db.prisma;
    const license = await prisma.license.findUniqueOrThrow({
      where: { organizationId_vendor: { organizationId: ids.org, vendor: "TABNINE" } },
    });
    await prisma.license.delete({ where: { id: license.id } });
    try {
      await action();
    } finally {
      await prisma.license.create({ data: { ...license, settings: license.settings as object } });
    }
  }
});
