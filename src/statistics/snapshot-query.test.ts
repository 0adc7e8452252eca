import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { fieldPath, postgresRegex, snapshotFilterSql, snapshotSortSql } from "./snapshot-query.js";

function badInput(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    return error as DomainError;
  }
  throw new Error("expected BAD_USER_INPUT");
}

describe("snapshot filter translation", () => {
  it("is TRUE for no or an empty query", () => {
    expect(snapshotFilterSql(undefined, 4)).toEqual({ sql: "TRUE", params: [] });
    expect(snapshotFilterSql({}, 4)).toEqual({ sql: "TRUE", params: [] });
  });

  it("binds paths and values as parameters, numbered from the first given", () => {
    const { sql, params } = snapshotFilterSql({ "services.ldap.enabled": false, version: "6.5.0" }, 4);
    expect(params).toEqual([["services", "ldap", "enabled"], "false", ["version"], '"6.5.0"']);
    expect(sql).toContain(`(s."payload" #> $4::text[])::jsonb = $5::jsonb`);
    expect(sql).toContain(`(s."payload" #> $6::text[])::jsonb = $7::jsonb`);
    expect(sql).toMatch(/^\(.* AND .*\)$/);
    expect(sql).not.toContain("6.5.0");
  });

  it("matches null as missing or null, and arrays by element", () => {
    expect(snapshotFilterSql({ lastLogin: null }, 1).sql).toBe(
      `((s."payload" #> $1::text[])::jsonb IS NULL OR (s."payload" #> $1::text[])::jsonb = 'null'::jsonb)`,
    );
    expect(snapshotFilterSql({ "enterprise.tags": "Gold" }, 1).sql).toContain("@> jsonb_build_array($2::jsonb)");
  });

  it("translates $or and $and, nested", () => {
    const { sql, params } = snapshotFilterSql({ $or: [{ totalUsers: 1 }, { $and: [{ activeUsers: 2 }, { appUsers: 3 }] }] }, 1);
    expect(params).toEqual([["totalUsers"], "1", ["activeUsers"], "2", ["appUsers"], "3"]);
    expect(sql.startsWith("((")).toBe(true);
    expect(sql).toContain(" OR ((");
    expect(sql).toContain(" AND ");
  });

  it("translates $regex with $options to a PostgreSQL ARE bound as a parameter", () => {
    const { sql, params } = snapshotFilterSql({ version: { $regex: "^6\\.", $options: "i" } }, 1);
    expect(params).toEqual([["version"], "(?ip)^6\\."]);
    expect(sql).toContain(`(s."payload" #>> $1::text[]) ~ $2::text`);
    expect(sql).toContain("jsonb_array_elements");
  });

  it.each(["^(.*)(.*)(.*)(.*)(.*)(.*)(.*)\\1\\2\\3\\4\\5\\6\\7$", "(a)\\1", "(?<x>a)\\k<x>", "(a+)+$", "(.*)*x", "(x+x+)+y"])(
    "refuses %s, whose matching time is unbounded",
    (pattern) => {
      expect(() => postgresRegex(pattern, undefined)).toThrow(/could take unbounded time/);
    },
  );

  it.each(["^6\\.", "rc-[0-9]+", "(a|b)+c", "^[A-Za-z]{2,8}$", "\\d+\\.\\d+"])("accepts %s", (pattern) => {
    expect(postgresRegex(pattern, undefined)).toBe(`(?p)${pattern}`);
  });

  it("maps the i, m, s and x options onto ARE embedded options", () => {
    expect(postgresRegex("a", undefined)).toBe("(?p)a");
    expect(postgresRegex("a", "")).toBe("(?p)a");
    expect(postgresRegex("a", "m")).toBe("(?n)a");
    expect(postgresRegex("a", "s")).toBe("(?s)a");
    expect(postgresRegex("a", "ms")).toBe("(?w)a");
    expect(postgresRegex("a b", "xi")).toBe("(?ip)ab");
  });

  it("reads an extended-syntax pattern (x) as PostgreSQL does before judging its cost", () => {
    // Without x, " +" repeats a space; with x the space goes and the quantifier nests.
    expect(postgresRegex("(a+) +", undefined)).toBe("(?p)(a+) +");
    expect(() => postgresRegex("(a+) +", "x")).toThrow(/could take unbounded time/);
    expect(() => postgresRegex("(.*) #comment\n*", "x")).toThrow(/could take unbounded time/);
    expect(() => postgresRegex("(a) \\ 1", "x")).not.toThrow();
    expect(() => postgresRegex("(a)\\\n1", "x")).not.toThrow();
    expect(() => postgresRegex("(a) \\1", "x")).toThrow(/back-references/);
    // White space and # inside brackets, and escaped, stay.
    expect(postgresRegex("[ #] \\  # a comment\nb", "x")).toBe("(?p)[ #]\\ b");
    expect(postgresRegex("[] x] y", "x")).toBe("(?p)[] x]y");
    expect(() => postgresRegex("   # only a comment", "x")).toThrow(/besides white space/);
  });

  it.each([
    [{ $where: "sleep(1000)" }, /\$where is not allowed/],
    [{ $function: { body: "x" } }, /\$function/],
    [{ $expr: { $eq: [1, 1] } }, /\$expr/],
    [{ $accumulator: {} }, /\$accumulator/],
    [{ totalUsers: { $ne: 1 } }, /\$ne is not allowed/],
    [{ totalUsers: { $gt: 1 } }, /\$gt/],
    [{ totalUsers: { $eq: 1 } }, /\$eq/],
    [{ totalUsers: { $regex: "a", $where: "x" } }, /\$where/],
    [{ totalUsers: { $regex: "a", other: 1 } }, /cannot be mixed/],
    [{ totalUsers: { $options: "i" } }, /\$options needs \$regex/],
    [{ a: { b: { $where: "x" } } }, /\$where/],
    [{ a: [{ $where: "x" }] }, /\$where/],
    [{ $or: [] }, /non-empty array/],
    [{ $or: {} }, /non-empty array/],
    [{ $and: [1] }, /JSON object/],
    [{ "a.$where": 1 }, /not a field path/],
    [{ "a..b": 1 }, /not a field path/],
    [{ "": 1 }, /field paths/],
    [{ v: { $regex: "x".repeat(257) } }, /1 to 256 characters/],
    [{ v: { $regex: "" } }, /1 to 256/],
    [{ v: { $regex: 5 } }, /1 to 256/],
    [{ v: { $regex: "(" } }, /not a valid regular expression/],
    [{ v: { $regex: "a", $options: "g" } }, /\$options/],
    [{ v: { $regex: "a", $options: "ii" } }, /\$options/],
    [{ v: "x".repeat(5_000) }, /at most 4096/],
  ])("refuses %j", (query, message) => {
    expect(badInput(() => snapshotFilterSql(query, 1)).message).toMatch(message);
  });

  it("limits nesting and the number of conditions", () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 10; i++) deep = { $or: [deep] };
    expect(badInput(() => snapshotFilterSql(deep, 1)).message).toMatch(/nested/);
    const many = { $or: Array.from({ length: 65 }, (_, i) => ({ [`f${i}`]: i })) };
    expect(badInput(() => snapshotFilterSql(many, 1)).message).toMatch(/at most 64/);
  });

  it("refuses deeply nested values before walking them", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(badInput(() => snapshotFilterSql({ a: deep }, 1)).message).toMatch(/nested at most 32/);
  });

  it("refuses a non-object query", () => {
    expect(badInput(() => snapshotFilterSql([], 1)).details).toEqual({ argument: "filter" });
    badInput(() => snapshotFilterSql("x", 1));
  });
});

describe("snapshot sort translation", () => {
  it("defaults to time, newest first on request", () => {
    expect(snapshotSortSql(undefined, 1)).toEqual({ sql: `s."takenAt" ASC, s."id" ASC`, params: [] });
    expect(snapshotSortSql({}, 1, true).sql).toBe(`s."takenAt" DESC, s."id" DESC`);
  });

  it("keeps the given order of fields, columns for createdAt and _id, payload paths otherwise", () => {
    const { sql, params } = snapshotSortSql({ "teams.totalTeams": -1, createdAt: 1, _id: -1 }, 7);
    expect(sql).toBe(
      `(s."payload" #> $7::text[])::jsonb DESC NULLS LAST, s."takenAt" ASC NULLS FIRST, s."id" DESC NULLS LAST, s."takenAt" ASC, s."id" ASC`,
    );
    expect(params).toEqual([["teams", "totalTeams"]]);
  });

  it.each([[{ a: 0 }], [{ a: "1" }], [{ a: 2 }], [{ $where: 1 }], [[]], ["x"]])("refuses %j", (sort) => {
    expect(badInput(() => snapshotSortSql(sort, 1)).details).toMatchObject({ argument: "sort" });
  });

  it("splits field paths", () => {
    expect(fieldPath("a.b.0", "sort")).toEqual(["a", "b", "0"]);
  });
});
