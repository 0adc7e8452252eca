import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { domainErrorOf, isStoreUnavailable, StoreTimeout } from "./store-failure.js";

const coded = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
// The shapes Prisma 7 over @prisma/adapter-pg throws (seen against a stopped and a frozen cluster).
const prisma = (code: string, cause: Record<string, unknown>) =>
  coded("\nInvalid `prisma.user.findMany()` invocation", { code, meta: { driverAdapterError: coded("DriverAdapterError", { cause }) } });

describe("isStoreUnavailable", () => {
  it("recognises connection failures from Prisma, the pg adapter, pg and the sockets", () => {
    const outages = [
      prisma("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
      prisma("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
      prisma("P2010", { kind: "ConnectionClosed" }),
      prisma("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01", originalMessage: "terminating connection" }),
      prisma("P2010", { kind: "postgres", code: "57P03", originalCode: "57P03", originalMessage: "the database system is shutting down" }),
      coded("Timed out fetching a new connection from the connection pool", { code: "P2024" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      coded("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED", syscall: "connect", errno: -111 }),
      new StoreTimeout("the store did not answer within 1500 ms"),
      new AggregateError([coded("connect ECONNREFUSED ::1:5432", { code: "ECONNREFUSED" })]),
      new Error("resolver failed", { cause: new Error("Connection terminated") }),
    ];
    for (const error of outages) expect(isStoreUnavailable(error), String(error)).toBe(true);
  });

  it("leaves errors of the statement itself and domain errors alone", () => {
    const others = [
      prisma("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } }),
      prisma("P2010", { kind: "postgres", code: "22P02", originalCode: "22P02", originalMessage: "invalid input syntax" }),
      prisma("P2010", {
        kind: "postgres",
        code: "57014",
        originalCode: "57014",
        originalMessage: "canceling statement due to statement timeout",
      }),
      new TypeError("Cannot read properties of undefined"),
      new DomainError("NOT_FOUND", "Connection terminated"),
      "Connection terminated",
      null,
    ];
    for (const error of others) expect(isStoreUnavailable(error), String(error)).toBe(false);
  });

  it("becomes UNAVAILABLE with Retry-After and none of the driver's words", () => {
    const outage = domainErrorOf(prisma("P1001", { kind: "DatabaseNotReachable", host: "db.internal", port: 5432 }));
    expect(outage).toMatchObject({ code: "UNAVAILABLE", details: { retryAfterSeconds: 5 } });
    expect(outage?.message).not.toContain("db.internal");
    expect(domainErrorOf(new TypeError("bug"))).toBeUndefined();
  });
});
