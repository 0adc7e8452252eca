import pg from "pg";
import { StoreTimeout } from "./store-failure.js";

type Query = (...args: unknown[]) => unknown;

/** How long after the deadline the server's own statement timeout cancels a statement the deadline cut off. */
export const SERVER_CANCEL_GRACE_MS = 1_000;

// Work that lifts its own statement timeout for a transaction (the demo seed's rollups) is not
// bounded by the deadline either until the connection goes back to the pool; a longer budget extends it.
const LOCAL_TIMEOUT = /^\s*SET\s+LOCAL\s+statement_timeout\s*(?:=|TO)\s*'?(\d+)\s*(ms|s|min|h|d)?'?\s*;?\s*$/i;
// PostgreSQL's units for a time setting; a bare number is milliseconds.
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** The budget a `SET LOCAL statement_timeout` statement gives its transaction, in ms (0: none); undefined for any other statement. */
export function localStatementTimeout(text: string): number | undefined {
  const match = LOCAL_TIMEOUT.exec(text);
  return match ? Number(match[1]) * UNIT_MS[(match[2] ?? "ms").toLowerCase()]! : undefined;
}
const budgets = new WeakMap<pg.Client, number>();

function textOf(first: unknown): string | undefined {
  if (typeof first === "string") return first;
  const text = (first as { text?: unknown } | undefined)?.text;
  return typeof text === "string" ? text : undefined;
}

/**
 * A pg pool in which no request waits longer than `deadlineMs` for the store: for a free
 * connection or a new one (the pool's connect timeout is capped at the deadline) and for the
 * answer to each statement. A statement without an answer by then has its connection destroyed:
 * the statement fails with StoreTimeout (an outage to every surface) and the pool drops that
 * connection, so a frozen or partitioned server keeps no pool slot. Statement timeouts still cancel slow statements on the server first when they are shorter.
 * A transaction that sets `SET LOCAL statement_timeout` gets that budget instead, if longer (0: none).
 */
export function poolWithDeadline(config: pg.PoolConfig, deadlineMs: number): pg.Pool {
  const timeout = () => new StoreTimeout(`the store did not answer within ${deadlineMs} ms (REQUEST_TIMEOUT_MS)`);
  class DeadlineClient extends pg.Client {}
  // pg's query has a dozen overloads: the original is called with `this` and the arguments unchanged.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const query = pg.Client.prototype.query as Query;
  (DeadlineClient.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof first?.submit === "function") return query.apply(this, args); // a Submittable (cursor) manages itself
    const local = localStatementTimeout(textOf(first) ?? "");
    if (local !== undefined) budgets.set(this, local === 0 ? Infinity : Math.max(deadlineMs, local));
    const budget = budgets.get(this) ?? deadlineMs;
    if (budget === Infinity) return query.apply(this, args);
    const timer = setTimeout(() => this.connection.stream.destroy(timeout()), budget);
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (...results: unknown[]) => {
        clearTimeout(timer);
        (callback as (...results: unknown[]) => unknown)(...results);
      };
    }
    let result: unknown;
    try {
      result = query.apply(this, args);
    } catch (error) {
      clearTimeout(timer);
      throw error;
    }
    if (result instanceof Promise) {
      result.then(
        () => clearTimeout(timer),
        () => clearTimeout(timer),
      );
    }
    return result;
  };
  const pool = new pg.Pool({
    ...config,
    Client: DeadlineClient,
    connectionTimeoutMillis: Math.min(config.connectionTimeoutMillis ?? deadlineMs, deadlineMs),
  });
  pool.on("release", (_error, client) => budgets.delete(client));
  return pool;
}
