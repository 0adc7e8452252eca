import { afterEach, describe, expect, it } from "vitest";
import { DomainError, HTTP_STATUS, type DomainErrorCode } from "../../errors.js";
import { InvalidRequest } from "../route.js";
import { teamwireReply } from "./errors.js";

const CODES = Object.keys(HTTP_STATUS) as DomainErrorCode[];
const table = HTTP_STATUS as Record<string, number>;
afterEach(() => {
  delete table.CONFLICT;
  delete table.GONE;
});

describe("teamwireReply", () => {
  it.each(CODES)("%s answers the table's status with the body {}", (code) => {
    const reply = teamwireReply(new DomainError(code, "the reason"));
    expect(reply.status).toBe(HTTP_STATUS[code]);
    expect(JSON.stringify(reply.body)).toBe("{}");
  });

  it("answers an unparsable path parameter with 404, a bad query with 400 and a bug with 500, all {}", () => {
    expect(teamwireReply(new InvalidRequest("params", [], {}))).toEqual({ status: 404, body: {} });
    expect(teamwireReply(new InvalidRequest("query", [], {}))).toEqual({ status: 400, body: {} });
    expect(teamwireReply(new Error("bug"))).toEqual({ status: 500, body: {} });
  });

  it.each([
    ["CONFLICT", 409],
    ["GONE", 410],
  ])("a new code %s (%i in the table) gets that status with {}, not a 500", (code, status) => {
    table[code] = status;
    expect(teamwireReply(new DomainError(code as DomainErrorCode, "x"))).toEqual({ status, body: {} });
  });
});
