import { ingestAuthority, type WriteAuthority } from "../auth/access.js";
import type { Viewer } from "../auth/viewer.js";
import type { Prisma } from "../db/database.js";
import { DomainError } from "../errors.js";
import { resolveBatch } from "./ingest.references.js";
import { parseBatch, sortProblems, type IngestLimits, type IngestProblem } from "./ingest.schema.js";
import { writePlan } from "./ingest.writes.js";

/** What one accepted batch did; the same shape on POST /ingest and the ingestUsage mutation. */
export interface IngestResult {
  /** Events in the batch. */
  readonly received: number;
  /** Events stored now (and added to the rollups). */
  readonly inserted: number;
  /** Events skipped because their idempotency key was already stored (or repeated in the batch). */
  readonly duplicates: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = Object.freeze({ maxEvents: 10_000 });

/** How often a batch is retried when PostgreSQL aborts it for a deadlock or serialization failure. */
const MAX_ATTEMPTS = 3;
const TRANSACTION_TIMEOUT_MS = 120_000;

/** The batch is invalid: `details.problems` lists every problem (list, index, field, reason). */
export function invalidBatch(problems: IngestProblem[]): DomainError {
  const [first] = problems;
  const where = first ? `${first.list}${first.index === null ? "" : `[${first.index}]`}${first.field ? `.${first.field}` : ""}` : "";
  const message = `the batch is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}; first: ${where}: ${first?.reason}); nothing was written`;
  return new DomainError("BAD_USER_INPUT", message, { problems });
}

function isRetryable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = `${typeof code === "string" ? code : ""} ${typeof message === "string" ? message : ""}`;
  return /40P01|40001|deadlock detected|could not serialize|P2034/.test(text);
}

/**
 * A viewer's ingest (POST /ingest, ingestUsage): only an ADMIN (own organization) or a SUPERADMIN.
 * @throws DomainError UNAUTHENTICATED without a viewer, FORBIDDEN for other roles, and as {@link writeBatch}.
 */
export function ingestBatch(
  prisma: Prisma,
  viewer: Viewer | null,
  body: unknown,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): Promise<IngestResult> {
  return writeBatch(prisma, ingestAuthority(viewer), body, limits);
}

/**
 * Validates a batch whole (shapes, then every reference in one query) and applies it in one
 * transaction: team/user/identity/device upserts, then the events not seen before and their
 * rollups. Replays change nothing. References to organizations outside `authority` are problems.
 * @throws DomainError BAD_USER_INPUT with `problems`.
 */
export async function writeBatch(
  prisma: Prisma,
  authority: WriteAuthority,
  body: unknown,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): Promise<IngestResult> {
  const parsed = parseBatch(body, limits);
  if (!parsed.batch) throw invalidBatch(parsed.problems);
  const resolved = await resolveBatch(prisma, authority, parsed.batch);
  const problems = sortProblems([...parsed.problems, ...("problems" in resolved ? resolved.problems : [])]);
  if (problems.length > 0 || !("plan" in resolved)) throw invalidBatch(problems);
  const { plan } = resolved;
  for (let attempt = 1; ; attempt++) {
    try {
      const { inserted } = await prisma.$transaction((tx) => writePlan(tx, plan), {
        timeout: TRANSACTION_TIMEOUT_MS,
        maxWait: TRANSACTION_TIMEOUT_MS,
      });
      return { received: plan.received, inserted, duplicates: plan.received - inserted };
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}
