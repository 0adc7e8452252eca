import { describe, expect, it } from "vitest";
import { postgresProblem } from "./postgres-probe.js";

// What an operator reads when DATABASE_URL cannot be used: the cause, named with host, port,
// database or role, never the password.
const URL = "postgresql://gw:s3cret@db.internal:6543/usage";
const problem = (code: string, message = "") => postgresProblem(URL, Object.assign(new Error(message), { code }));

describe("postgresProblem", () => {
  it("names the cause of each connection failure in one line", () => {
    expect(problem("ECONNREFUSED")).toBe("nothing accepts connections at db.internal:6543 (is PostgreSQL running, and on that port?)");
    expect(problem("ENOTFOUND")).toBe("host db.internal does not resolve");
    expect(problem("3D000")).toBe('database "usage" does not exist on db.internal:6543 (create it: createdb usage)');
    expect(problem("28000", 'role "gw" does not exist')).toBe('role "gw" is not allowed to connect to db.internal:6543 (no such role)');
    expect(problem("28000", "no pg_hba.conf entry")).toBe('role "gw" is not allowed to connect to db.internal:6543 (pg_hba.conf)');
    expect(problem("28P01")).toBe('password authentication failed for role "gw" on db.internal:6543');
    expect(problem("57P03")).toContain("starting up or shutting down");
    expect(postgresProblem("postgresql://localhost/app", new Error("timeout expired"))).toBe("localhost:5432 did not answer in time");
    for (const code of ["ECONNREFUSED", "3D000", "28000", "28P01", "XX000"]) expect(problem(code)).not.toContain("s3cret");
  });
});
