import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, HTTP_STATUS, type DomainErrorCode } from "../../errors.js";
import { InvalidRequest, type VendorRoute } from "../route.js";
import { rocketChatReply } from "./errors.js";
import { statisticsListQuery } from "./schemas.js";

const CODES = Object.keys(HTTP_STATUS) as DomainErrorCode[];
const route = (path: string) => ({ path }) as VendorRoute<never, never, unknown>;
const ENGAGEMENT = route("/api/v1/engagement-dashboard/users/active-users");
const STATISTICS = route("/api/v1/statistics");

// The documented shapes (docs/vendors/rocketchat.md §2.0.4): the 401, the unknown route's and API.v1.failure's.
const documented = z.union([
  z.strictObject({ success: z.literal(false), error: z.string(), status: z.literal("error"), message: z.string() }),
  z.strictObject({ status: z.literal("error"), message: z.string() }),
  z.strictObject({ success: z.literal(false), error: z.string(), errorType: z.string().optional(), details: z.looseObject({}).optional() }),
]);

const table = HTTP_STATUS as Record<string, number>;
/** Status and body, without the headers. */
const answer = ({ status, body }: { status: number; body: unknown }) => ({ status, body });
afterEach(() => {
  delete table.CONFLICT;
  delete table.GONE;
});

describe("rocketChatReply", () => {
  it.each(CODES)("%s answers the table's status with a documented body (engagement dashboard)", (code) => {
    const reply = rocketChatReply(new DomainError(code, "the reason"), ENGAGEMENT);
    expect(reply.status).toBe(HTTP_STATUS[code]);
    expect(documented.parse(reply.body)).toEqual(reply.body);
  });

  it("keeps each documented body byte for byte", () => {
    const text = (code: DomainErrorCode, on = ENGAGEMENT) => {
      const reply = rocketChatReply(new DomainError(code, "year must be a number"), on);
      return `${reply.status} ${JSON.stringify(reply.body)}`;
    };
    expect(text("UNAUTHENTICATED")).toBe(
      '401 {"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}',
    );
    expect(text("FORBIDDEN")).toBe(
      '403 {"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}',
    );
    expect(text("NOT_FOUND")).toBe('404 {"status":"error","message":"API endpoint does not exist"}');
    expect(text("BAD_USER_INPUT")).toBe('400 {"success":false,"error":"year must be a number"}');
    expect(text("RATE_LIMITED")).toBe('429 {"success":false,"error":"Error, too many requests. Please slow down. [too-many-requests]"}');
  });

  it("answers FORBIDDEN on the statistics routes with Rocket.Chat's 400 error-not-allowed", () => {
    expect(answer(rocketChatReply(new DomainError("FORBIDDEN", "no"), STATISTICS))).toEqual({
      status: 400,
      body: { success: false, error: "error-not-allowed" },
    });
    expect(answer(rocketChatReply(new DomainError("FORBIDDEN", "no")))).toEqual({
      status: 400,
      body: { success: false, error: "error-not-allowed" },
    });
  });

  it.each([
    ["CONFLICT", 409],
    ["GONE", 410],
  ])("a new code %s (%i in the table) gets the generic failure body, not a 500", (code, status) => {
    table[code] = status;
    for (const on of [ENGAGEMENT, STATISTICS]) {
      const reply = rocketChatReply(new DomainError(code as DomainErrorCode, "the store is being migrated"), on);
      expect(answer(reply)).toEqual({ status, body: { success: false, error: "the store is being migrated" } });
    }
  });

  it("sends plain JSON from the checks before a route runs, and forbids caching on the route's own answers", () => {
    const headers = (code: DomainErrorCode, on = STATISTICS) => rocketChatReply(new DomainError(code, "x"), on).headers;
    expect(headers("UNAUTHENTICATED")).toEqual({ "Content-Type": "application/json" });
    expect(headers("FORBIDDEN", ENGAGEMENT)).toEqual({ "Content-Type": "application/json" });
    expect(headers("FORBIDDEN")).toEqual({ "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" });
    expect(headers("BAD_USER_INPUT")).toEqual({ "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" });
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    [
      "an unknown parameter before a bad count",
      { foo: "1", count: "x" },
      { errorType: "error-invalid-params", error: "must NOT have additional properties" },
    ],
    [
      "fields before count (the validator's order)",
      { count: "x", fields: ["a", "b"] },
      { errorType: "error-invalid-params", error: "must be string" },
    ],
    ["the validator before parseJsonQuery", { sort: "bad", offset: "x" }, { errorType: "error-invalid-params", error: "must be number" }],
    ["sort before fields before query", { query: "q", fields: "f", sort: "s" }, { errorType: "error-invalid-sort" }],
  ])("words a refused statistics.list query like Rocket.Chat: %s", (_, raw, body) => {
    const route = { path: "/api/v1/statistics.list", query: statisticsListQuery } as unknown as VendorRoute<never, never, unknown>;
    const parsed = statisticsListQuery.safeParse(raw);
    expect(parsed.success).toBe(false);
    const reply = rocketChatReply(new InvalidRequest("query", parsed.error!.issues, raw), route);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ success: false, ...(body as object) });
  });

  it("answers anything that is not a DomainError (a bug) with 500", () => {
    expect(answer(rocketChatReply(new TypeError("x is undefined"), ENGAGEMENT))).toEqual({
      status: 500,
      body: { success: false, error: "Internal server error" },
    });
  });
});
