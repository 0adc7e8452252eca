import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { redactUrl } from "../config.js";
import { PrismaClient } from "./generated/client.js";
import { poolWithDeadline, SERVER_CANCEL_GRACE_MS } from "./deadline-pool.js";
import { PGliteThread } from "./pglite-thread.js";
import { probePostgres } from "./postgres-probe.js";

function createPrismaClient(adapter: SqlMigrationAwareDriverAdapterFactory) {
  // Query events are always emitted so tests and benchmarks can count SQL statements.
  return new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
}

/** The Prisma client type used across the gateway (query events enabled). */
export type Prisma = ReturnType<typeof createPrismaClient>;

export type StoreKind = "pglite" | "postgres";

/** One open store: the Prisma client plus what migrations need to reach the same database. */
export interface Database {
  readonly kind: StoreKind;
  /** Where the data lives, safe to print (password redacted). */
  readonly location: string;
  readonly prisma: Prisma;
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL. When absent the embedded PGlite store is used. */
  readonly url?: string | undefined;
  /** Directory holding the embedded store (`<dataDir>/pglite`); `undefined` keeps it in memory. */
  readonly dataDir?: string | undefined;
  /** In memory only: a PGlite data directory dump (tar file) the store starts from, e.g. a migrated, seeded one. */
  readonly pgliteImage?: string | undefined;
  readonly statementTimeoutMs?: number;
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /** How long to wait for a free pooled connection (default 30 s). */
  readonly poolTimeoutMs?: number;
  /** The longest a request waits for PostgreSQL: a connection, or the answer to a statement (default 10 s). */
  readonly requestTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Opens PostgreSQL (when `url` is given) or the embedded PGlite store, and checks the
 * connection so that a wrong URL fails here with a clear message rather than on first use.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir, options.pgliteImage);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const location = redactUrl(url);
  try {
    await probePostgres(url);
  } catch (error) {
    throw new Error(`cannot use PostgreSQL at ${location}: ${(error as Error).message}`, { cause: error });
  }
  const poolConfig = {
    connectionString: url,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    // Also the wait for a free pooled connection: under load, requests queue rather than fail.
    connectionTimeoutMillis: options.poolTimeoutMs ?? 30_000,
    max: options.poolSize ?? 10,
  };
  // Migrations (adapterFactory) may run longer than a request may wait; requests go through the deadline.
  const adapterFactory = new PrismaPg(poolConfig);
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // The server cancels a request's statement shortly after the deadline cut it off client-side,
  // so it does not go on running there for the rest of the statement timeout.
  const statementTimeout = Math.min(poolConfig.statement_timeout, requestTimeoutMs + SERVER_CANCEL_GRACE_MS);
  const pool = poolWithDeadline({ ...poolConfig, statement_timeout: statementTimeout }, requestTimeoutMs);
  const prisma = createPrismaClient(new PrismaPg(pool, { disposeExternalPool: true }));
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    await prisma.$disconnect().catch(() => undefined);
    throw new Error(`cannot reach PostgreSQL at ${location}: ${describe(error)}`, { cause: error });
  }
  return {
    kind: "postgres",
    location,
    prisma,
    adapterFactory,
    close: () => prisma.$disconnect(),
  };
}

async function openPglite(dataDir: string | undefined, image: string | undefined): Promise<Database> {
  let storeDir: string | undefined;
  if (dataDir) {
    storeDir = path.join(dataDir, "pglite");
    await mkdir(storeDir, { recursive: true });
  }
  // On a thread of its own: PGlite runs statements synchronously, which would stall every request meanwhile.
  const pglite = new PGliteThread(storeDir, image);
  try {
    await pglite.waitReady;
  } catch (error) {
    throw new Error(`cannot open the embedded store in ${storeDir ?? "memory"}: ${describe(error)}`, { cause: error });
  }
  const adapterFactory = new PrismaPGlite(pglite.asPGlite());
  const prisma = createPrismaClient(adapterFactory);
  return {
    kind: "pglite",
    location: storeDir ? `embedded PGlite in ${storeDir}` : "embedded PGlite in memory",
    prisma,
    adapterFactory,
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message.split("\n").find((line) => line.trim() !== "") ?? error.name;
    return typeof code === "string" && !message.includes(code) ? `${code} ${message}` : message;
  }
  return String(error);
}
