import { rolesBelow, type WriteAuthority } from "../auth/access.js";
import type { Prisma } from "../db/database.js";
import type { Vendor } from "../db/generated/enums.js";
import { DomainError } from "../errors.js";
import { resolveBatch } from "../ingest/ingest.references.js";
import { parseBatch, type IngestProblem } from "../ingest/ingest.schema.js";
import { invalidBatch, writeBatch } from "../ingest/ingest.service.js";
import type { SyncCounts } from "./sync.types.js";

/** The JSON shapes POST /ingest takes (src/ingest/ingest.schema.ts); connectors build these. */
export interface BatchEvent {
  readonly idempotencyKey: string;
  readonly organizationId: string;
  readonly vendor: Vendor;
  readonly metric: string;
  readonly roomType?: string;
  readonly timestamp: string;
  readonly value: number;
  readonly identity?: { readonly vendor: Vendor; readonly externalId: string };
}
export interface BatchTeam {
  readonly organizationId: string;
  readonly id: string;
  readonly name: string;
}
export interface BatchUser {
  readonly organizationId: string;
  readonly email: string;
  readonly username?: string;
  readonly teamId?: string | null;
  readonly status?: "REGISTERED" | "PENDING" | "DEACTIVATED";
  readonly identities: { readonly vendor: Vendor; readonly externalId: string; readonly vendorRole?: string | null }[];
}
export interface Batch {
  events: BatchEvent[];
  teams?: BatchTeam[];
  users?: BatchUser[];
}

/** Rows of a batch the store rejected (e.g. an email owned by another organization), with why. */
export interface Rejected {
  readonly what: string;
  readonly reason: string;
}

/** Enough for any batch a connector writes: one unit of work is one transaction. */
const SYNC_LIMITS = { maxEvents: 1_000_000 };
const MAX_ROUNDS = 3;

/** What a connector may write: its source's organization only, as its ADMIN would (admins' profiles untouched). */
export function connectorAuthority(organizationId: string): WriteAuthority {
  return { organizations: [organizationId], manages: rolesBelow("ADMIN"), aboveManaged: "identitiesOnly" };
}

/**
 * Counts the batch's teams and users as created, updated or unchanged, and returns the batch
 * without the unchanged users (the ingest service would still touch their updatedAt).
 */
async function directoryCounts(prisma: Prisma, organizationId: string, batch: Batch): Promise<{ counts: SyncCounts; batch: Batch }> {
  const counts: SyncCounts = { fetched: 0, created: 0, updated: 0, skipped: 0, failed: 0 };
  const unchanged = new Set<BatchUser>();
  const teams = batch.teams ?? [];
  const users = batch.users ?? [];
  if (teams.length > 0) {
    const known = new Map(
      (await prisma.team.findMany({ where: { organizationId, id: { in: teams.map((t) => t.id) } }, select: { id: true, name: true } })).map(
        (t) => [t.id, t.name],
      ),
    );
    for (const team of teams) {
      const name = known.get(team.id);
      if (name === undefined) counts.created++;
      else if (name !== team.name) counts.updated++;
      else counts.skipped++;
    }
  }
  if (users.length > 0) {
    const rows = await prisma.user.findMany({
      where: { email: { in: users.map((u) => u.email.toLowerCase()) } },
      select: { email: true, username: true, teamId: true, status: true, identities: { select: { vendor: true, externalId: true } } },
    });
    const known = new Map(rows.map((row) => [row.email, row]));
    for (const user of users) {
      const row = known.get(user.email.toLowerCase());
      if (!row) {
        counts.created++;
        continue;
      }
      const changed =
        (user.username !== undefined && user.username !== row.username) ||
        (user.teamId != null && user.teamId !== row.teamId) ||
        (user.status !== undefined && user.status !== row.status) ||
        user.identities.some((i) => !row.identities.some((r) => r.vendor === i.vendor && r.externalId === i.externalId));
      if (changed) counts.updated++;
      else {
        counts.skipped++;
        unchanged.add(user);
      }
    }
  }
  return { counts, batch: unchanged.size === 0 ? batch : { ...batch, users: users.filter((user) => !unchanged.has(user)) } };
}

function withoutRejected(batch: Batch, problems: readonly IngestProblem[], rejected: Rejected[]): Batch | undefined {
  const drop = { teams: new Set<number>(), users: new Set<number>() };
  for (const problem of problems) {
    if ((problem.list !== "teams" && problem.list !== "users") || problem.index === null) return undefined;
    drop[problem.list].add(problem.index);
  }
  const teams = batch.teams ?? [];
  const users = batch.users ?? [];
  for (const index of drop.teams)
    rejected.push({
      what: `team ${teams[index]!.name} (${teams[index]!.id})`,
      reason: problems.find((p) => p.list === "teams" && p.index === index)!.reason,
    });
  for (const index of drop.users)
    rejected.push({ what: `user ${users[index]!.email}`, reason: problems.find((p) => p.list === "users" && p.index === index)!.reason });
  const droppedTeams = new Set([...drop.teams].map((index) => teams[index]!.id));
  const keptUsers = users.filter((user, index) => {
    if (drop.users.has(index)) return false;
    if (user.teamId && droppedTeams.has(user.teamId)) {
      rejected.push({ what: `user ${user.email}`, reason: `its team ${user.teamId} was rejected` });
      return false;
    }
    return true;
  });
  return { ...batch, teams: teams.filter((_, index) => !drop.teams.has(index)), users: keptUsers };
}

/** The ingest service's validation (shapes, then references against the store) without writing. */
async function validateOnly(prisma: Prisma, organizationId: string, batch: Batch): Promise<void> {
  const parsed = parseBatch(batch, SYNC_LIMITS);
  if (!parsed.batch) throw invalidBatch(parsed.problems);
  const resolved = await resolveBatch(prisma, connectorAuthority(organizationId), parsed.batch);
  const problems = [...parsed.problems, ...("problems" in resolved ? resolved.problems : [])];
  if (problems.length > 0) throw invalidBatch(problems);
}

/**
 * Writes one unit of work through the ingest service (one transaction: directory upserts,
 * events, rollups) and returns what it changed. Teams and users the store refuses (an email of
 * another organization, a team name taken by another id) are left out and reported in
 * `rejected`, and the rest is written; a problem with an event fails the whole unit.
 * In a dry run nothing is written and the counts say what would have been.
 */
export async function applyBatch(
  prisma: Prisma,
  organizationId: string,
  batch: Batch,
  dryRun: boolean,
): Promise<{ counts: SyncCounts; rejected: Rejected[] }> {
  const rejected: Rejected[] = [];
  let current = batch;
  for (let round = 1; ; round++) {
    const { counts, batch: changed } = await directoryCounts(prisma, organizationId, current);
    try {
      if (dryRun) {
        // Events are not validated: in a dry run the identities they name may not be stored yet.
        await validateOnly(prisma, organizationId, { ...changed, events: [] });
        const keys = current.events.map((e) => e.idempotencyKey);
        const known = keys.length === 0 ? 0 : await prisma.usageEvent.count({ where: { organizationId, idempotencyKey: { in: keys } } });
        counts.created += keys.length - known;
        counts.skipped += known;
        counts.failed += rejected.length;
        return { counts, rejected };
      }
      const result = await writeBatch(prisma, connectorAuthority(organizationId), changed, SYNC_LIMITS);
      counts.created += result.inserted;
      counts.skipped += result.duplicates;
      counts.failed += rejected.length;
      return { counts, rejected };
    } catch (error) {
      const problems = error instanceof DomainError ? (error.details?.problems as IngestProblem[] | undefined) : undefined;
      const next = problems && round < MAX_ROUNDS ? withoutRejected(changed, problems, rejected) : undefined;
      if (!next) throw error;
      current = next;
    }
  }
}
