import { afterEach, describe, expect, it } from "vitest";
import { DomainError, HTTP_STATUS, type DomainErrorCode } from "../../errors.js";
import { InvalidRequest } from "../route.js";
import { tabnineError, tabnineReply } from "./errors.js";
import { errorBody } from "./schemas.js";

const CODES = Object.keys(HTTP_STATUS) as DomainErrorCode[];
const table = HTTP_STATUS as Record<string, number>;
afterEach(() => {
  delete table.CONFLICT;
  delete table.GONE;
});

describe("tabnineReply", () => {
  it.each(CODES)("%s answers the table's status with an {error, message, status} body", (code) => {
    const reply = tabnineReply(new DomainError(code, "the reason"));
    expect(reply.status).toBe(HTTP_STATUS[code]);
    expect(errorBody.parse(reply.body).status).toBe(HTTP_STATUS[code]);
  });

  it("keeps each documented body byte for byte (docs/vendors/tabnine.md §3.0.3)", () => {
    const text = (error: unknown) => JSON.stringify(tabnineReply(error).body);
    expect(text(new DomainError("BAD_USER_INPUT", "x"))).toBe(
      '{"error":"BAD_REQUEST","message":"Invalid or missing parameters.","status":400}',
    );
    expect(text(new DomainError("UNAUTHENTICATED", "x"))).toBe('{"error":"UNAUTHORIZED","message":"Invalid token.","status":401}');
    expect(text(new DomainError("FORBIDDEN", "x"))).toBe('{"error":"FORBIDDEN","message":"User lacks permission.","status":403}');
    expect(text(new DomainError("NOT_FOUND", "x"))).toBe('{"error":"NOT_FOUND","message":"Resource not found.","status":404}');
    expect(text(new DomainError("RATE_LIMITED", "x"))).toBe('{"error":"RATE_LIMITED","message":"Too many requests.","status":429}');
    expect(text(new Error("bug"))).toBe('{"error":"INTERNAL_SERVER_ERROR","message":"Unexpected server error.","status":500}');
  });

  it("answers an unparsable path parameter with 404 and a bad query with 400", () => {
    expect(tabnineReply(new InvalidRequest("params", [], {})).status).toBe(404);
    expect(tabnineReply(new InvalidRequest("query", [], {})).status).toBe(400);
  });

  it.each([
    ["CONFLICT", 409, { error: "CONFLICT", message: "Conflict.", status: 409 }],
    ["GONE", 410, { error: "GONE", message: "Gone.", status: 410 }],
  ])("a new code %s (%i in the table) gets the generic body of that status, not a 500", (code, status, body) => {
    table[code] = status;
    expect(tabnineReply(new DomainError(code as DomainErrorCode, "x"))).toEqual({ status, body });
    expect(tabnineError(status)).toEqual({ status, body });
  });
});
