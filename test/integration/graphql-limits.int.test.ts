import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CalendarDocument,
  HistoryPageDocument,
  OrganizationsPageDocument,
  IssueApiTokenDocument,
  OrganizationTeamsDocument,
  OrgUsersDocument,
  RegisterSourceDocument,
  RevokeApiTokenDocument,
  TeamNameDocument,
  UsageRangeDocument,
  UserEmailDocument,
  UsersPageDocument,
  UtilizationDocument,
} from "../__generated__/graphql.js";
import { expectErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";

const post = (server: GraphQLTestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("bad input and protection limits", () => {
  let server: GraphQLTestServer;
  let admin: string;
  let superadmin: string;

  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", {
      env: { GRAPHQL_MAX_DEPTH: "8", GRAPHQL_MAX_ALIASES: "5", GRAPHQL_MAX_COMPLEXITY: "5000" },
    });
    admin = await server.tokenFor("admin@nordhafen.test");
    superadmin = await server.tokenFor("superadmin@demo.test");
  });
  afterAll(() => server?.close());

  const cases: [string, () => ReturnType<GraphQLTestServer["request"]>, RegExp][] = [
    ["first = 0", () => server.request(UsersPageDocument, { first: 0 }, admin), /first must be between 1 and 500/],
    ["first = -1", () => server.request(UsersPageDocument, { first: -1 }, admin), /first must be between 1 and 500/],
    ["first = 501", () => server.request(UsersPageDocument, { first: 501 }, admin), /first must be between 1 and 500/],
    ["a cursor that is not base64 JSON", () => server.request(UsersPageDocument, { after: "%%%not-a-cursor" }, admin), /not a cursor/],
    [
      "a cursor of the wrong shape",
      () => server.request(UsersPageDocument, { after: Buffer.from('{"a":1}').toString("base64url") }, admin),
      /not a cursor/,
    ],
    [
      "a users cursor used for snapshots",
      () => server.request(HistoryPageDocument, { after: Buffer.from('["a@b.test","x"]').toString("base64url") }, admin),
      /not a cursor/,
    ],
    [
      "from after to",
      () => server.request(UsageRangeDocument, { from: "2025-03-02T00:00:00Z", to: "2025-03-01T00:00:00Z", resolution: "DAY" }, admin),
      /must be earlier than/,
    ],
    [
      "from equal to to",
      () => server.request(UsageRangeDocument, { from: "2025-03-02T00:00:00Z", to: "2025-03-02T00:00:00Z", resolution: "DAY" }, admin),
      /must be earlier than/,
    ],
    [
      "too many buckets",
      () => server.request(UsageRangeDocument, { from: "2020-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z", resolution: "HOUR" }, admin),
      /more than 10000 HOUR buckets/,
    ],
    [
      "a date that is not a date",
      () => server.request(UsageRangeDocument, { from: "yesterday", to: "2025-01-01T00:00:00Z", resolution: "DAY" }, admin),
      /DateTimeISO|from/,
    ],
    [
      "an unknown resolution",
      () =>
        server.request(
          UsageRangeDocument,
          { from: "2025-01-01T00:00:00Z", to: "2025-01-02T00:00:00Z", resolution: "DECADE" as "DAY" },
          admin,
        ),
      /DECADE/,
    ],
    ["year 1969", () => server.request(CalendarDocument, { year: 1969 }, admin), /year must be between 1970 and 9999/],
    ["year 10000", () => server.request(CalendarDocument, { year: 10000 }, admin), /year must be between 1970 and 9999/],
    ["month 0", () => server.request(CalendarDocument, { year: 2025, month: 0 }, admin), /month must be between 1 and 12/],
    ["month 13", () => server.request(CalendarDocument, { year: 2025, month: 13 }, admin), /month must be between 1 and 12/],
    ["startMonth 2025-13", () => server.request(UtilizationDocument, { startMonth: "2025-13" }, admin), /startMonth must be YYYY-MM/],
    ["startMonth 0099-01", () => server.request(UtilizationDocument, { startMonth: "0099-01" }, admin), /year from 1970/],
    [
      "a snapshot cursor with a date PostgreSQL cannot store",
      () => server.request(HistoryPageDocument, { after: Buffer.from('["-200000-01-01T00:00:00Z","abc"]').toString("base64url") }, admin),
      /not a cursor/,
    ],
    [
      "an organizations cursor whose id is not a UUID",
      () => server.request(OrganizationsPageDocument, { after: Buffer.from('["A","not-a-uuid"]').toString("base64url") }, superadmin),
      /not a cursor/,
    ],
    ["an empty token name", () => server.request(IssueApiTokenDocument, { name: " " }, admin), /name must be 1 to 100 characters/],
    [
      "a token lifetime of 0 days",
      () => server.request(IssueApiTokenDocument, { name: "x", expiresInDays: 0 }, admin),
      /expiresInDays must be between/,
    ],
    [
      "an ftp source URL",
      () => server.request(RegisterSourceDocument, { input: { vendor: "TABNINE", baseUrl: "ftp://x.test" } }, admin),
      /baseUrl must be an absolute http/,
    ],
    [
      "a relative source URL",
      () => server.request(RegisterSourceDocument, { input: { vendor: "TABNINE", baseUrl: "/api" } }, admin),
      /baseUrl must be an absolute http/,
    ],
  ];

  it.each(cases)("%s → BAD_USER_INPUT naming the rule", async (_, run, message) => {
    const response = await run();
    expect(response.status).not.toBe(500);
    const messages = expectErrors(response, "BAD_USER_INPUT");
    expect(messages.join(" ")).toMatch(message);
  });

  it.each([
    ["a team id that is not a UUID", () => server.request(TeamNameDocument, { id: '1; DROP TABLE "Team"' }, admin)],
    ["a user id that is not a UUID", () => server.request(UserEmailDocument, { id: "🙂" }, admin)],
    ["an organization id that is not a UUID", () => server.request(OrgUsersDocument, { id: "x" }, admin)],
    ["revoking a token id that is not a UUID", () => server.request(RevokeApiTokenDocument, { id: "nope" }, admin)],
  ] as const)("%s → NOT_FOUND, not a database error", async (_, run) => {
    expectErrors(await run(), "NOT_FOUND");
  });

  it("rejects operations deeper than the depth limit", async () => {
    const response = await post(
      server,
      { query: "{ viewer { organization { teams { nodes { users { nodes { team { organization { teams { totalCount } } } } } } } } } }" },
      { authorization: `Bearer ${admin}` },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0]!.message).toMatch(/depth/i);
  });

  it("rejects alias batching over the alias limit", async () => {
    const query = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: viewer { id }`).join(" ")} }`;
    const response = await post(server, { query }, { authorization: `Bearer ${admin}` });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0]!.message).toMatch(/alias/i);
  });

  it("prices usage points by their bucket count, and a huge `first` by the page-size limit", async () => {
    const points = `{ organization { usage(from: "2020-01-01T00:00:00Z", to: "2021-01-01T00:00:00Z", resolution: HOUR) { points { values { value } } } } }`;
    const body = (await (await post(server, { query: points }, { authorization: `Bearer ${admin}` })).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]!.message).toMatch(/query cost \d+ exceeds the limit of 5000/);
    const totalsOnly = points.replace("points { values { value } }", "totals { value }");
    expect(
      ((await (await post(server, { query: totalsOnly }, { authorization: `Bearer ${admin}` })).json()) as { errors?: unknown }).errors,
    ).toBeUndefined();
    const negative = await server.request(UsersPageDocument, { first: -2147483648 }, admin);
    expectErrors(negative, "BAD_USER_INPUT");
  });

  it("rejects operations whose cost exceeds the limit, before running them", async () => {
    const response = await server.request(OrganizationTeamsDocument, { first: 500 }, admin);
    const [message] = expectErrors(response, "BAD_USER_INPUT");
    expect(message).toMatch(/query cost \d+ exceeds the limit of 5000/);
    expect(response.body.data).toBeUndefined();
  });

  it("refuses batched requests, oversized bodies and cross-site GET requests", async () => {
    const batch = await post(server, [{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    expect(batch.status).toBe(400);
    const big = await post(server, { query: "{ __typename }", variables: { pad: "x".repeat(1_100_000) } });
    expect(big.status).toBe(413);
    const csrf = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(csrf.status).toBe(400);
    const preflighted = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(preflighted.status).toBe(200);
  });

  it("masks unexpected errors as INTERNAL_SERVER_ERROR with a request id, never a stack trace", async () => {
    const findMany = vi
      .spyOn(server.store.db.prisma.organization, "findMany")
      .mockRejectedValue(new Error("connection lost: password=hunter2"));
    try {
      const response = await post(
        server,
        { query: "{ organization { name } }" },
        { authorization: `Bearer ${admin}`, "x-request-id": "req-123" },
      );
      const text = await response.text();
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("at ");
      const body = JSON.parse(text) as { errors: { extensions: { code: string; requestId: string } }[] };
      expect(body.errors[0]!.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-123" });
    } finally {
      findMany.mockRestore();
    }
  });
});
