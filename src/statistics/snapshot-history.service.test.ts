import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { runUserQuery } from "./snapshot-history.service.js";

// The shape Prisma gives a failed raw query through a driver adapter (P2010 with the SQLSTATE).
const failed = (code: string) =>
  Object.assign(new Error(`Raw query failed. Code: \`${code}\``), {
    code: "P2010",
    meta: { driverAdapterError: { cause: { originalCode: code } } },
  });

describe("snapshot queries: database errors caused by the caller's filter", () => {
  it.each([
    ["2201B", /regular expression is not supported/],
    ["2201S", /regular expression/],
    ["57014", /statement timeout/],
  ])("SQLSTATE %s is BAD_USER_INPUT on filter", async (code, message) => {
    const error = await runUserQuery(() => Promise.reject(failed(code))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", details: { argument: "filter" } });
    expect((error as Error).message).toMatch(message);
  });

  it("passes other failures through", async () => {
    const other = failed("08006");
    await expect(runUserQuery(() => Promise.reject(other))).rejects.toBe(other);
    await expect(runUserQuery(async () => 42)).resolves.toBe(42);
  });
});
