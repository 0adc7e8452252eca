import { messages } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGliteThread } from "./pglite-thread.js";

// Starting PGlite (WASM) takes seconds on a busy machine.
const STARTUP = { timeout: 60_000 };

describe("PGliteThread", STARTUP, () => {
  let db: PGliteThread;
  beforeAll(async () => {
    db = new PGliteThread(undefined);
    await db.waitReady;
    await db.exec("CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL, at timestamptz)");
  }, STARTUP.timeout);
  afterAll(() => db.close());

  it("parses the columns the caller has parsers for on the caller's side, the others as PGlite does", async () => {
    const result = await db.query<[string, number, Date]>(
      "SELECT 9007199254740993::int8, 2::int4, '2025-03-01T00:00:00Z'::timestamptz",
      [],
      {
        rowMode: "array",
        parsers: { 20: (text: string) => `int8:${text}` },
      },
    );
    expect(result.rows).toEqual([["int8:9007199254740993", 2, new Date("2025-03-01T00:00:00Z")]]);
    expect(result.fields.map((field) => field.dataTypeID)).toEqual([20, 23, 1184]);
  });

  it("answers PostgreSQL errors as PGlite's DatabaseError, with the SQLSTATE", async () => {
    const error = (await db.query("SELECT * FROM missing_table").catch((caught: unknown) => caught)) as messages.DatabaseError;
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error.code).toBe("42P01");
    expect(error.message).toBe('relation "missing_table" does not exist');
  });

  it("commits a transaction whose callback resolves and rolls back one that throws", async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (1, 'kept')");
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO item VALUES (2, 'dropped')");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await db.query<{ id: number }>("SELECT id FROM item ORDER BY id")).rows).toEqual([{ id: 1 }]);
  });

  it("runs statements from outside a transaction after it, not inside it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (3, 'late')");
      await held;
      await tx.rollback();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = db.query<{ n: number }>("SELECT count(*)::int AS n FROM item");
    release();
    await transaction;
    expect((await outside).rows).toEqual([{ n: 1 }]);
  });
});

describe("a closed PGliteThread", STARTUP, () => {
  it("refuses further statements with a clear error", async () => {
    const db = new PGliteThread(undefined);
    await db.waitReady;
    await db.close();
    expect(db.closed).toBe(true);
    await expect(db.query("SELECT 1")).rejects.toThrow("the embedded store is closed");
  });
});
