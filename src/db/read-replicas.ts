import { PrismaPg } from "@prisma/adapter-pg";
import { poolWithDeadline, SERVER_CANCEL_GRACE_MS } from "./deadline-pool.js";
import { Counter, Gauge, type Registry } from "prom-client";
import { redactUrl, type Config } from "../config.js";
import type { Logger } from "../logger.js";
import { dataVersionOf } from "./data-version.js";
import { PrismaClient } from "./generated/client.js";
import type { Prisma } from "./database.js";

/** How long a replica that failed is left alone before it is probed again. */
export const REPLICA_RETRY_MS = 5_000;

export interface ReadReplicaOptions {
  /** PostgreSQL URLs of streaming replicas of the primary (DATABASE_REPLICA_URLS). */
  readonly urls: readonly string[];
  /** How long the freshness check may take before the replica counts as down. */
  readonly checkTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly poolSize: number;
  readonly poolTimeoutMs: number;
  /** The gateway's bound on every wait for PostgreSQL (REQUEST_TIMEOUT_MS), replicas included. */
  readonly requestTimeoutMs: number;
  readonly logger: Logger;
}

/** Where one request reads, and why. */
export interface ReadRoute {
  readonly prisma: Prisma;
  readonly target: "replica" | "primary";
  /** caught_up: the replica had replayed the viewer's data version; behind / unavailable: the primary serves. */
  readonly reason: "caught_up" | "behind" | "unavailable";
}

export interface ReplicaStatus {
  /** 1-based position in DATABASE_REPLICA_URLS (locations are in the log, not in public answers). */
  readonly replica: number;
  readonly status: "up" | "down";
}

interface Replica {
  readonly index: number;
  readonly location: string;
  readonly prisma: Prisma;
  down: boolean;
  retryAt: number;
  probing: boolean;
}

class CheckTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const reasonOf = (error: unknown) => (error as { code?: string }).code ?? (error as Error).message.split("\n")[0];

/**
 * Responsible for sending reads to PostgreSQL streaming replicas without ever answering from
 * stale data. A request reads from a replica only when that replica shows the same data version
 * of the viewer's scope (see {@link dataVersionOf}) as the primary at the request's start: every
 * write raises that version before it is answered, so a client sees its own writes through any
 * instance. A replica that is behind, down or slow to answer leaves the request on the primary; a
 * down replica is logged once and probed again in the background every {@link REPLICA_RETRY_MS}.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private next = 0;
  private readonly routed = new Counter<"target" | "reason">({
    name: "usage_gateway_read_routes_total",
    help: "Requests by where their reads went: target replica (caught_up) or primary (behind, unavailable).",
    labelNames: ["target", "reason"],
    registers: [],
  });
  private readonly up = new Gauge<"replica">({
    name: "usage_gateway_read_replica_up",
    help: "1 while a read replica answers (by its position in DATABASE_REPLICA_URLS), 0 while it is down.",
    labelNames: ["replica"],
    registers: [],
  });

  constructor(
    private readonly primary: Prisma,
    private readonly options: ReadReplicaOptions,
  ) {
    this.replicas = options.urls.map((url, index) => {
      // A replica that freezes after its freshness check must not hold a request past the deadline.
      const pool = poolWithDeadline(
        {
          connectionString: url,
          statement_timeout: Math.min(options.statementTimeoutMs, options.requestTimeoutMs + SERVER_CANCEL_GRACE_MS),
          connectionTimeoutMillis: options.poolTimeoutMs,
          max: options.poolSize,
        },
        options.requestTimeoutMs,
      );
      const adapter = new PrismaPg(pool, { disposeExternalPool: true });
      this.up.set({ replica: String(index + 1) }, 1);
      return {
        index,
        location: redactUrl(url),
        prisma: new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }),
        down: false,
        retryAt: 0,
        probing: false,
      };
    });
  }

  /** Adds the routing counter and the replicas' up gauge to an app's /metrics. */
  registerMetrics(registry: Registry): void {
    registry.registerMetric(this.routed);
    registry.registerMetric(this.up);
  }

  /**
   * Where a request of this scope reads: the next replica in turn when it has caught up with the
   * primary's data version of `organizationId` (null: every organization, a SUPERADMIN's scope),
   * else the primary.
   */
  async routeFor(organizationId: string | null): Promise<ReadRoute> {
    const replica = this.pick();
    if (!replica) return this.count({ prisma: this.primary, target: "primary", reason: "unavailable" });
    // A failure of the primary's check is the request's failure, as it would be without replicas.
    const [primaryVersion, replicaVersion] = await Promise.all([
      dataVersionOf(this.primary, organizationId),
      withTimeout(dataVersionOf(replica.prisma, organizationId), this.options.checkTimeoutMs).catch((error: unknown) => {
        this.markDown(replica, error);
        return undefined;
      }),
    ]);
    if (replicaVersion === undefined) return this.count({ prisma: this.primary, target: "primary", reason: "unavailable" });
    if (replicaVersion !== primaryVersion) return this.count({ prisma: this.primary, target: "primary", reason: "behind" });
    return this.count({ prisma: replica.prisma, target: "replica", reason: "caught_up" });
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((replica) => ({ replica: replica.index + 1, status: replica.down ? "down" : "up" }));
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.prisma.$disconnect().catch(() => undefined)));
  }

  /** The next replica that is up, in turn; a down one whose retry time came is probed meanwhile. */
  private pick(): Replica | undefined {
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next]!;
      this.next = (this.next + 1) % this.replicas.length;
      if (!replica.down) return replica;
      if (Date.now() >= replica.retryAt) this.probe(replica);
    }
    return undefined;
  }

  private probe(replica: Replica): void {
    if (replica.probing) return;
    replica.probing = true;
    withTimeout(replica.prisma.$queryRawUnsafe("SELECT 1"), this.options.checkTimeoutMs)
      .then(() => {
        replica.down = false;
        this.up.set({ replica: String(replica.index + 1) }, 1);
        this.options.logger.info({ replica: replica.location }, "read replica answers again; reads may go to it");
      })
      .catch(() => {
        replica.retryAt = Date.now() + REPLICA_RETRY_MS;
      })
      .finally(() => {
        replica.probing = false;
      });
  }

  private markDown(replica: Replica, error: unknown): void {
    replica.retryAt = Date.now() + REPLICA_RETRY_MS;
    if (replica.down) return;
    replica.down = true;
    this.up.set({ replica: String(replica.index + 1) }, 0);
    this.options.logger.warn(
      { replica: replica.location, reason: error instanceof CheckTimeout ? error.message : reasonOf(error) },
      "read replica unavailable; reads go to the primary",
    );
  }

  private count(route: ReadRoute): ReadRoute {
    this.routed.inc({ target: route.target, reason: route.reason });
    return route;
  }
}

/** The configured replicas of the primary `db` (DATABASE_REPLICA_URLS), or undefined when there are none. */
export function readReplicasFor(config: Config, primary: Prisma, logger: Logger): ReadReplicas | undefined {
  const { replicaUrls, replicaCheckTimeoutMs, statementTimeoutMs, poolSize, poolTimeoutMs, requestTimeoutMs } = config.database;
  if (!config.database.url || replicaUrls.length === 0) return undefined;
  return new ReadReplicas(primary, {
    urls: replicaUrls,
    checkTimeoutMs: replicaCheckTimeoutMs,
    statementTimeoutMs,
    poolSize,
    poolTimeoutMs,
    requestTimeoutMs,
    logger,
  });
}
