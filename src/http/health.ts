import { Router } from "express";
import type { Database, StoreKind } from "../db/database.js";
import { pendingMigrations } from "../db/migrations.js";
import type { ReadReplicas } from "../db/read-replicas.js";
import type { Logger } from "../logger.js";

/** How long /readyz waits for the database before reporting it unreachable. */
export const DEFAULT_READINESS_TIMEOUT_MS = 2_000;

export type Readiness =
  { readonly ready: true; readonly store: StoreKind } | { readonly ready: false; readonly reason: string; readonly cause?: unknown };

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether the gateway can serve: the database answers `SELECT 1` within `timeoutMs` and every
 * migration in `prisma/migrations` is applied. `reason` is short, human-readable and never
 * contains connection details; `cause` (for the log only) holds the underlying error.
 */
export async function checkReadiness(
  db: Pick<Database, "kind" | "prisma">,
  timeoutMs: number = DEFAULT_READINESS_TIMEOUT_MS,
): Promise<Readiness> {
  try {
    await withTimeout(db.prisma.$queryRawUnsafe("SELECT 1"), timeoutMs);
  } catch (error) {
    const reason = error instanceof Timeout ? `database unreachable (no answer within ${timeoutMs} ms)` : "database unreachable";
    return { ready: false, reason, cause: error };
  }
  let pending: string[];
  try {
    pending = await withTimeout(pendingMigrations(db), timeoutMs);
  } catch (error) {
    return { ready: false, reason: "cannot read the applied migrations", cause: error };
  }
  if (pending.length > 0) {
    const noun = pending.length === 1 ? "migration" : "migrations";
    return { ready: false, reason: `${pending.length} ${noun} not applied (run the migrate command)` };
  }
  return { ready: true, store: db.kind };
}

/**
 * `GET /healthz`: 200 while the process is up (no database access).
 * `GET /readyz`: 200 `{status:"ready",store,migrations:"applied"}` or 503
 * `{status:"not_ready",reason}` (see {@link checkReadiness}); failures are logged with their cause.
 * With read replicas it also lists them (`replicas: [{replica, status}]`); a down replica does not
 * make the gateway unready, since the primary then serves the reads.
 */
export function createHealthRouter(deps: {
  db: Database;
  logger: Logger;
  readinessTimeoutMs?: number;
  replicas?: ReadReplicas | undefined;
}): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const readiness = await checkReadiness(deps.db, deps.readinessTimeoutMs);
    res.set("Cache-Control", "no-store");
    if (readiness.ready) {
      res.json({
        status: "ready",
        store: readiness.store,
        migrations: "applied",
        ...(deps.replicas && { replicas: deps.replicas.status() }),
      });
      return;
    }
    deps.logger.warn({ reason: readiness.reason, err: readiness.cause }, "not ready");
    res.status(503).json({ status: "not_ready", reason: readiness.reason });
  });
  return router;
}
