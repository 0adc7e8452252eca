import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, HTTP_STATUS, type DomainErrorCode } from "../../errors.js";
import type { VendorRoute } from "../route.js";
import { rocketChatReply } from "./errors.js";

const CODES = Object.keys(HTTP_STATUS) as DomainErrorCode[];
const route = (path: string) => ({ path }) as VendorRoute<never, never, unknown>;
const ENGAGEMENT = route("/api/v1/engagement-dashboard/users/active-users");
const STATISTICS = route("/api/v1/statistics");

// The two documented shapes (docs/vendors/rocketchat.md §2.0.4): the auth/route one and API.v1.failure's.
const documented = z.union([
  z.strictObject({ status: z.literal("error"), message: z.string() }),
  z.strictObject({ success: z.literal(false), error: z.string(), errorType: z.string().optional(), details: z.looseObject({}).optional() }),
]);

const table = HTTP_STATUS as Record<string, number>;
afterEach(() => {
  delete table.CONFLICT;
  delete table.UNAVAILABLE;
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
    expect(text("UNAUTHENTICATED")).toBe('401 {"status":"error","message":"You must be logged in to do this."}');
    expect(text("FORBIDDEN")).toBe(
      '403 {"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}',
    );
    expect(text("NOT_FOUND")).toBe('404 {"status":"error","message":"API endpoint does not exist"}');
    expect(text("BAD_USER_INPUT")).toBe('400 {"success":false,"error":"year must be a number"}');
    expect(text("RATE_LIMITED")).toBe('429 {"success":false,"error":"Error, too many requests. Please slow down. [too-many-requests]"}');
  });

  it("answers FORBIDDEN on the statistics routes with Rocket.Chat's 400 error-not-allowed", () => {
    expect(rocketChatReply(new DomainError("FORBIDDEN", "no"), STATISTICS)).toEqual({
      status: 400,
      body: { success: false, error: "error-not-allowed" },
    });
    expect(rocketChatReply(new DomainError("FORBIDDEN", "no"))).toEqual({
      status: 400,
      body: { success: false, error: "error-not-allowed" },
    });
  });

  it.each([
    ["CONFLICT", 409],
    ["UNAVAILABLE", 503],
  ])("a new code %s (%i in the table) gets the generic failure body, not a 500", (code, status) => {
    table[code] = status;
    for (const on of [ENGAGEMENT, STATISTICS]) {
      const reply = rocketChatReply(new DomainError(code as DomainErrorCode, "the store is being migrated"), on);
      expect(reply).toEqual({ status, body: { success: false, error: "the store is being migrated" } });
    }
  });

  it("answers anything that is not a DomainError (a bug) with 500", () => {
    expect(rocketChatReply(new TypeError("x is undefined"), ENGAGEMENT)).toEqual({
      status: 500,
      body: { success: false, error: "Internal server error" },
    });
  });
});
