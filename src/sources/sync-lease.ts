import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/database.js";

/** How long a sync holds its source without progress; each finished unit of work renews it. */
export const SYNC_LEASE_MS = 15 * 60_000;

type Db = Pick<Prisma, "$queryRawUnsafe" | "$executeRawUnsafe">;

export interface SyncLease {
  renew(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes the source for one sync run, so two runs (two operators, two gateway processes) never
 * pull the same source at once and race on its cursor. A lease left by a run that died expires
 * after SYNC_LEASE_MS.
 * @returns the lease, or the time the current holder's lease ends when another run holds it.
 */
export async function acquireSyncLease(db: Db, sourceId: string): Promise<SyncLease | { heldUntil: Date }> {
  const id = randomUUID();
  const taken = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Source" SET "syncLeaseId" = $2::uuid, "syncLeaseUntil" = now() + $3::int * interval '1 millisecond'
     WHERE "id" = $1::uuid AND ("syncLeaseUntil" IS NULL OR "syncLeaseUntil" < now()) RETURNING "id"::text`,
    sourceId,
    id,
    SYNC_LEASE_MS,
  );
  if (taken.length === 0) {
    const [held] = await db.$queryRawUnsafe<{ until: Date }[]>(
      `SELECT "syncLeaseUntil" AS until FROM "Source" WHERE "id" = $1::uuid`,
      sourceId,
    );
    return { heldUntil: held?.until ?? new Date() };
  }
  const mine = `"id" = $1::uuid AND "syncLeaseId" = $2::uuid`;
  return {
    renew: async () => {
      await db.$executeRawUnsafe(
        `UPDATE "Source" SET "syncLeaseUntil" = now() + $3::int * interval '1 millisecond' WHERE ${mine}`,
        sourceId,
        id,
        SYNC_LEASE_MS,
      );
    },
    release: async () => {
      await db.$executeRawUnsafe(`UPDATE "Source" SET "syncLeaseId" = NULL, "syncLeaseUntil" = NULL WHERE ${mine}`, sourceId, id);
    },
  };
}
