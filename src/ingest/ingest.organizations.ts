import { z } from "zod";
import type { Prisma } from "../db/database.js";
import { TeamwirePrivacyMode } from "../db/generated/enums.js";
import { TEAMWIRE_PRIVACY_MODES } from "../vendors/teamwire/privacy-mode.js";

// An ingest batch's `organizations`: settings of organizations the writer may ingest into,
// applied in the batch's transaction (README "Ingestion").

const MODES = Object.keys(TeamwirePrivacyMode) as TeamwirePrivacyMode[];
const TEXTS: readonly string[] = Object.values(TEAMWIRE_PRIVACY_MODES);
const MODE_OF_TEXT = new Map<string, TeamwirePrivacyMode>(
  Object.entries(TEAMWIRE_PRIVACY_MODES).map(([mode, text]) => [text, mode as TeamwirePrivacyMode]),
);

/** A privacy mode by identifier (as the GraphQL enum) or as Teamwire writes it, exactly. */
const privacyMode = z
  .string()
  .refine(
    (value) => MODES.includes(value as TeamwirePrivacyMode) || MODE_OF_TEXT.has(value),
    `must be one of ${MODES.join(", ")} (or Teamwire's ${TEXTS.map((text) => JSON.stringify(text)).join(", ")})`,
  )
  .transform((value) => MODE_OF_TEXT.get(value) ?? (value as TeamwirePrivacyMode));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const OrganizationSettingsSchema = z.strictObject({
  id: z
    .string()
    .regex(UUID, "must be a UUID")
    .transform((id) => id.toLowerCase()),
  privacyMode,
});

export type IngestOrganization = z.output<typeof OrganizationSettingsSchema> & { readonly index: number };

/**
 * The organization rows to write, sorted by id (the order every writer locks organizations in):
 * each must be one of `writable` (organizations the writer may ingest into), at most once per
 * batch. Refusals go to `problem`.
 */
export function planOrganizations(
  rows: readonly IngestOrganization[],
  writable: ReadonlySet<string>,
  problem: (list: "organizations", index: number, field: string, reason: string) => void,
): IngestOrganization[] {
  const seen = new Set<string>();
  const planned: IngestOrganization[] = [];
  for (const row of rows) {
    if (!writable.has(row.id)) problem("organizations", row.index, "id", "not an organization you may ingest into");
    else if (seen.has(row.id)) problem("organizations", row.index, "id", "the batch declares this organization twice");
    else planned.push(row);
    seen.add(row.id);
  }
  return planned.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const SETTINGS_SQL = `
UPDATE "Organization" o SET "privacyMode" = v.mode, "updatedAt" = now()
FROM unnest($1::uuid[], $2::text[]::"TeamwirePrivacyMode"[]) AS v(id, mode)
WHERE o."id" = v.id AND o."privacyMode" IS DISTINCT FROM v.mode`;

/** Writes the settings inside the caller's transaction; unchanged organizations are not touched. */
export async function writeOrganizationSettings(tx: Pick<Prisma, "$executeRawUnsafe">, rows: readonly IngestOrganization[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    SETTINGS_SQL,
    rows.map((row) => row.id),
    rows.map((row) => row.privacyMode),
  );
}
