import { Worker } from "node:worker_threads";
import { messages, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";

type ParserMap = NonNullable<QueryOptions["parsers"]>;

interface Call {
  readonly op: "query" | "exec" | "begin" | "end" | "rollback" | "close";
  readonly tx?: number;
  readonly sql?: string;
  readonly params?: unknown[];
  readonly options?: Omit<QueryOptions, "parsers">;
  readonly rawTypes?: number[];
  readonly rollback?: boolean;
}

type Reply = { id: number; result: unknown } | { id: number; error: Record<string, unknown> & { message: string; name?: string } };

/** A PostgreSQL error from the thread, as the class pglite-prisma-adapter maps to Prisma's errors. */
function databaseError(error: Record<string, unknown> & { message: string; name?: string }): Error {
  if (error.name !== "error" && error.name !== "notice") return Object.assign(new Error(error.message), { code: error.code });
  const { message, name, length, ...fields } = error;
  return Object.assign(new messages.DatabaseError(message, Number(length ?? 0), name as "error"), fields);
}

/** Applies the caller's parsers to the columns the thread sent as text. */
function parse<T>(results: Results<T>, parsers: ParserMap | undefined, rowMode: QueryOptions["rowMode"]): Results<T> {
  if (!parsers) return results;
  const columns = results.fields.map((field, index) => ({
    index,
    name: field.name,
    parser: parsers[field.dataTypeID],
    oid: field.dataTypeID,
  }));
  const parsed = columns.filter((column) => column.parser);
  if (parsed.length === 0) return results;
  for (const row of results.rows as Record<string | number, unknown>[]) {
    for (const column of parsed) {
      const key = rowMode === "array" ? column.index : column.name;
      const text = row[key];
      if (typeof text === "string") row[key] = (column.parser as (text: string, oid: number) => unknown)(text, column.oid);
    }
  }
  return results;
}

/**
 * The embedded store on a thread of its own (pglite-worker.js): what pglite-prisma-adapter uses of
 * a PGlite — query, exec, transaction, close — forwarded to the thread, so a long statement leaves
 * the event loop (and /healthz) free. Columns the caller has parsers for come back as text and are
 * parsed here; PostgreSQL errors come back as PGlite's DatabaseError. (PGlite's own PGliteWorker
 * needs browser globals and the Web Locks API, which Node 20 does not have.)
 */
export class PGliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private closing: Promise<void> | undefined;
  readonly waitReady: Promise<void>;

  /** Opens the store in `dataDir` (undefined: in memory, from the dump file `image` when given) on a new thread. */
  constructor(dataDir: string | undefined, image?: string) {
    this.worker = new Worker(new URL("./pglite-worker.js", import.meta.url), { workerData: { dataDir, image } });
    this.waitReady = new Promise((resolve, reject) => {
      this.worker.once("message", (message: { ready: boolean; error?: { message: string } }) =>
        message.ready ? resolve() : reject(new Error(message.error?.message ?? "the embedded store did not open")),
      );
      this.worker.once("error", reject);
    });
    // A crash of the thread fails what is pending (below) and every later call; it must not also throw here.
    this.worker.on("error", () => undefined);
    this.worker.on("message", (message: Reply | { ready: boolean }) => {
      if (!("id" in message)) return;
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if ("error" in message) call?.reject(databaseError(message.error));
      else call?.resolve(message.result);
    });
    this.worker.on("exit", (code) => {
      this.closing ??= Promise.resolve();
      for (const call of this.pending.values()) call.reject(new Error(`the embedded store's thread exited (${code})`));
      this.pending.clear();
    });
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.run<T>({ op: "query", sql, params }, options);
  }

  async exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    const { parsers, ...rest } = options ?? {};
    const results = await this.call<Results[]>({ op: "exec", sql, options: rest, rawTypes: rawTypesOf(parsers) });
    return results.map((result) => parse(result, parsers, rest.rowMode));
  }

  /** Runs `callback` in one transaction on the thread: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: "begin" });
    let closed = false;
    const tx = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => this.run<R>({ op: "query", tx: id, sql, params }, options),
      exec: async (sql: string, options?: QueryOptions) => {
        const { parsers, ...rest } = options ?? {};
        const results = await this.call<Results[]>({ op: "exec", tx: id, sql, options: rest, rawTypes: rawTypesOf(parsers) });
        return results.map((result) => parse(result, parsers, rest.rowMode));
      },
      rollback: async () => {
        closed = true;
        await this.call({ op: "rollback", tx: id });
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.call({ op: "end", tx: id, rollback: true }).catch(() => undefined);
      throw error;
    }
    await this.call({ op: "end", tx: id });
    return result;
  }

  close(): Promise<void> {
    this.closing ??= this.call({ op: "close" })
      .catch(() => undefined)
      .then(() => this.worker.terminate())
      .then(() => undefined);
    return this.closing;
  }

  /** This object where a PGlite is expected (pglite-prisma-adapter uses only what it implements). */
  asPGlite(): PGlite {
    return this as unknown as PGlite;
  }

  private async run<T>(call: Call, options: QueryOptions | undefined): Promise<Results<T>> {
    const { parsers, ...rest } = options ?? {};
    const results = await this.call<Results<T>>({ ...call, options: rest, rawTypes: rawTypesOf(parsers) });
    return parse(results, parsers, rest.rowMode);
  }

  private call<T>(call: Call): Promise<T> {
    if (this.closing && call.op !== "close") return Promise.reject(new Error("the embedded store is closed"));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, ...call });
    });
  }
}

const rawTypesOf = (parsers: ParserMap | undefined) => (parsers ? Object.keys(parsers).map(Number) : []);
