import { describe, expect, it } from "vitest";
import { localStatementTimeout } from "./deadline-pool.js";

describe("localStatementTimeout", () => {
  it("reads the budget a transaction gives itself, in PostgreSQL's units", () => {
    expect(localStatementTimeout("SET LOCAL statement_timeout = 0")).toBe(0);
    expect(localStatementTimeout("SET LOCAL statement_timeout = 2500")).toBe(2_500);
    expect(localStatementTimeout("set local statement_timeout to '30s'")).toBe(30_000);
    expect(localStatementTimeout("SET LOCAL statement_timeout = '5min';")).toBe(300_000);
    expect(localStatementTimeout("SET LOCAL statement_timeout = '250ms'")).toBe(250);
    expect(localStatementTimeout("SET LOCAL statement_timeout = '2h'")).toBe(7_200_000);
  });

  it("ignores other statements", () => {
    expect(localStatementTimeout("SET statement_timeout = 0")).toBeUndefined();
    expect(localStatementTimeout("SELECT 1")).toBeUndefined();
    expect(localStatementTimeout("SET LOCAL statement_timeout = 10; DROP TABLE x")).toBeUndefined();
  });
});
