import type { Prisma } from "../db/database.js";
import { withoutIndexes } from "../db/bulk-load.js";
import { rebuildRollups } from "../usage/rollups.js";
import { emptyRocketChatTotals, generateActivity, type SeedEvent } from "./activity.js";
import { deriveRecords } from "./derived.js";
import { generateOrganization } from "./directory.js";
import type { SeedOptions } from "./options.js";

export interface SeedProgress {
  readonly organization: number;
  readonly organizations: number;
  readonly phase: "directory" | "events" | "rollups" | "statistics" | "done";
  /** Usage events written so far, over all organizations. */
  readonly events: number;
}

export interface SeedSummary {
  readonly organizations: number;
  readonly users: number;
  readonly events: number;
  readonly rollups: number;
  readonly snapshots: number;
}

const ROW_CHUNK = 1_000;
const BULK_TABLES = ['"UsageEvent"', '"UsageRollup"', '"UsageUserSet"'];

// The embedded store answers without I/O, so a long seed would be one unbroken chain of promise
// callbacks: signals (SIGTERM) and timers would only run after it. Let them in between chunks.
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const EVENT_CHUNK = 20_000;

type Tx = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROW_CHUNK) await write(rows.slice(i, i + ROW_CHUNK));
}

/** Column buffers flushed as one `INSERT ... SELECT FROM unnest(...)` statement per chunk. */
class EventWriter {
  private columns = EventWriter.empty();
  written = 0;

  constructor(private readonly tx: Tx) {}

  private static empty() {
    return {
      org: [] as string[],
      vendor: [] as string[],
      metric: [] as string[],
      room: [] as string[],
      user: [] as (string | null)[],
      team: [] as (string | null)[],
      at: [] as string[],
      value: [] as number[],
      key: [] as string[],
    };
  }

  /** Buffers an event; true when the buffer is full and should be flushed. */
  add(event: SeedEvent): boolean {
    const c = this.columns;
    c.org.push(event.organizationId);
    c.vendor.push(event.vendor);
    c.metric.push(event.metric);
    c.room.push(event.roomType);
    c.user.push(event.userId);
    c.team.push(event.teamId);
    c.at.push(event.occurredAt.toISOString());
    c.value.push(event.value);
    c.key.push(event.idempotencyKey);
    return c.key.length >= EVENT_CHUNK;
  }

  async flush(): Promise<void> {
    const c = this.columns;
    if (c.key.length === 0) return;
    this.columns = EventWriter.empty();
    this.written += c.key.length;
    await this.tx.$executeRawUnsafe(
      `INSERT INTO "UsageEvent" ("organizationId", "vendor", "metric", "roomType", "userId", "teamId", "occurredAt", "value", "idempotencyKey")
         SELECT * FROM unnest($1::uuid[], $2::text[]::"Vendor"[], $3::text[]::"UsageMetric"[], $4::text[]::"RoomType"[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::float8[], $9::text[])`,
      c.org,
      c.vendor,
      c.metric,
      c.room,
      c.user,
      c.team,
      c.at,
      c.value,
      c.key,
    );
  }
}

/**
 * Fills an empty store with deterministic demo data for all three vendors, in one transaction:
 * either the whole data set is there afterwards or nothing is (also when `signal` aborts it).
 * @throws when the store already holds organizations.
 */
/** The store already holds organizations (the seed only fills an empty store). */
export class StoreNotEmptyError extends Error {
  override readonly name = "StoreNotEmptyError";
  constructor() {
    super("the store already holds data; seed only fills an empty store (use --reset to wipe it first)");
  }
}

export async function runSeed(
  prisma: Prisma,
  options: SeedOptions,
  onProgress: (progress: SeedProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<SeedSummary> {
  if ((await prisma.organization.count()) > 0) throw new StoreNotEmptyError();
  const summary = { organizations: options.organizations, users: 0, events: 0, rollups: 0, snapshots: 0 };
  await prisma.$transaction(
    async (tx) => {
      // The configured statement timeout protects API requests; a bulk load's rollup statements
      // can take minutes on large presets. LOCAL: only for this transaction.
      await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      // Room for the rollups' aggregation and the index builds to sort in memory.
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '128MB'");
      await tx.$executeRawUnsafe("SET LOCAL maintenance_work_mem = '256MB'");
      // Gateways starting together on one empty PostgreSQL: one seeds, the others find data.
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('usage-gateway:seed'))");
      if ((await tx.organization.count()) > 0) throw new StoreNotEmptyError();
      // The usage tables start empty and fill in bulk: their indexes are built once at the end.
      await withoutIndexes(tx, BULK_TABLES, async () => {
        for (let index = 0; index < options.organizations; index++) {
          // Aborting throws inside the transaction, which rolls the whole seed back.
          const report = async (phase: SeedProgress["phase"]) => {
            await yieldToEventLoop();
            signal?.throwIfAborted();
            onProgress({ organization: index + 1, organizations: options.organizations, phase, events: summary.events });
          };
          await report("directory");
          const org = generateOrganization(options, index);
          await tx.organization.create({ data: org.row });
          await tx.team.createMany({ data: org.teams });
          await inChunks(
            org.users.map((user) => user.row),
            (data) => tx.user.createMany({ data }),
          );
          await inChunks(org.identities, (data) => tx.identity.createMany({ data }));
          await inChunks(org.devices, (data) => tx.device.createMany({ data }));
          summary.users += org.users.length;

          await report("events");
          const writer = new EventWriter(tx);
          const rocketChatTotals = emptyRocketChatTotals();
          for (const event of generateActivity(options, org, rocketChatTotals)) {
            if (writer.add(event)) {
              await yieldToEventLoop();
              signal?.throwIfAborted();
              await writer.flush();
            }
          }
          await writer.flush();
          summary.events += writer.written;

          await report("rollups");
          summary.rollups += await rebuildRollups(tx, org.row.id);

          await report("statistics");
          const derived = deriveRecords(options, org, rocketChatTotals);
          await tx.source.createMany({ data: derived.sources });
          await tx.license.createMany({ data: derived.licenses });
          await tx.accountUtilization.createMany({ data: derived.utilizations });
          await inChunks(derived.snapshots, (data) => tx.workspaceStatisticsSnapshot.createMany({ data }));
          summary.snapshots += derived.snapshots.length;
        }
      });
      // Numbers were assigned explicitly: move the sequence past them for organizations added later.
      await tx.$executeRawUnsafe(
        `SELECT setval(pg_get_serial_sequence('"Organization"', 'number'), (SELECT max("number") FROM "Organization"))`,
      );
    },
    { timeout: 6 * 3_600_000, maxWait: 60_000 },
  );
  // Fresh planner statistics for the bulk-loaded tables: without them the first dashboards run
  // on plans made for empty tables until autovacuum comes by.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
    await tx.$executeRawUnsafe(`ANALYZE ${[...BULK_TABLES, '"User"', '"Device"', '"Identity"'].join(", ")}`);
  });
  onProgress({ organization: options.organizations, organizations: options.organizations, phase: "done", events: summary.events });
  return summary;
}

/** Deletes every row of every gateway table (keeps the schema and migration history). */
export async function wipeStore(prisma: Prisma): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE "Organization" CASCADE`);
}
