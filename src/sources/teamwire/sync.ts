import type { UsageMetric } from "../../db/generated/enums.js";
import { privacyModeOf } from "../../vendors/teamwire/privacy-mode.js";
import { applyBatch, type BatchEvent } from "../apply-batch.js";
import { addDays, isoDay, parseIsoDay } from "../days.js";
import type { Connector, ConnectorRun } from "../sync.types.js";
import { createTeamwireClient, type TwDashboard, type TwSeriesName } from "./client.js";

/** First sync without --since: this many days of series before today. */
export const TEAMWIRE_DEFAULT_LOOKBACK_DAYS = 30;

/**
 * Series the unified store can hold: organization-level sums. `active_users` is not pulled: it
 * counts distinct users, which the store keeps per user, and Teamwire names no user.
 */
const SERIES: [TwSeriesName, UsageMetric][] = [
  ["sent_messages", "MESSAGES_SENT"],
  ["activated_connectors", "CONNECTOR_ACTIVATIONS"],
];

interface TeamwireCursor {
  /** First UTC day whose series are not pulled yet. */
  seriesFrom?: string;
}

/** Calendar months (UTC) overlapping [from, until), each clipped to it. */
function months(from: Date, until: Date): { year: number; month: number; from: Date; to: Date }[] {
  const out: { year: number; month: number; from: Date; to: Date }[] = [];
  for (let start = from; start < until;) {
    const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    out.push({ year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, from: start, to: next < until ? next : until });
    start = next;
  }
  return out;
}

/** Longest unknown privacy mode kept and logged as sent; longer ones are cut here. */
const MAX_UNKNOWN_MODE_CHARS = 200;

async function writeDashboard(run: ConnectorRun, dashboard: TwDashboard): Promise<void> {
  run.summary.fetched++;
  const [source, organization, license] = await Promise.all([
    run.prisma.source.findUniqueOrThrow({ where: { id: run.source.id }, select: { settings: true } }),
    run.prisma.organization.findUniqueOrThrow({ where: { id: run.organizationId }, select: { privacyMode: true } }),
    run.prisma.license.findUnique({ where: { organizationId_vendor: { organizationId: run.organizationId, vendor: "TEAMWIRE" } } }),
  ]);
  const stored = source.settings as Record<string, unknown>;
  // A mode the gateway does not know keeps the organization's mode and is kept, as sent, on the
  // source (docs/vendors/teamwire.md, "Vendor material and deviations"); a known one clears it.
  const mode = privacyModeOf(dashboard.settings);
  const { unknownPrivacyMode: _previous, ...rest } = stored;
  const unknown = mode ? undefined : dashboard.settings.slice(0, MAX_UNKNOWN_MODE_CHARS);
  const settings = { ...rest, groupsCount: dashboard.groups_count, ...(unknown === undefined ? {} : { unknownPrivacyMode: unknown }) };
  const privacyMode = mode ?? organization.privacyMode;
  if (unknown !== undefined)
    run.logger.warn(
      { privacyMode: unknown, kept: privacyMode },
      "Teamwire sent a privacy mode the gateway does not know; the organization keeps its mode",
    );
  const changed =
    stored.groupsCount !== dashboard.groups_count ||
    stored.unknownPrivacyMode !== unknown ||
    organization.privacyMode !== privacyMode ||
    license?.seats !== dashboard.license_count;
  if (!license) run.summary.created++;
  else if (changed) run.summary.updated++;
  else run.summary.skipped++;
  if (run.dryRun || !changed) return;
  const where = { organizationId_vendor: { organizationId: run.organizationId, vendor: "TEAMWIRE" as const } };
  await run.prisma.$transaction([
    run.prisma.source.update({ where: { id: run.source.id }, data: { settings } }),
    run.prisma.organization.update({ where: { id: run.organizationId }, data: { privacyMode } }),
    run.prisma.license.upsert({
      where,
      create: { organizationId: run.organizationId, vendor: "TEAMWIRE", seats: dashboard.license_count, features: [] },
      update: { seats: dashboard.license_count },
    }),
  ]);
}

/**
 * Pulls one Teamwire organisation (docs/vendors/teamwire.md §1): the dashboard (privacy mode, groups count,
 * license count) and, per calendar month, the daily sent-messages and activated-connectors series
 * as organization-level events of complete UTC days; each month is one unit, and the cursor moves
 * past it when it commits. Not mappable (no user is named by the API): active users (distinct,
 * per user in the store), last usages and device statistics (aggregates without users).
 */
export async function syncTeamwire(run: ConnectorRun): Promise<void> {
  const organizationId = run.organizationId;
  const cursor = run.source.cursor as TeamwireCursor;
  run.planned(1);
  let client: Awaited<ReturnType<typeof createTeamwireClient>> | undefined;
  const loggedIn = await run.unit("login and dashboard", async () => {
    client = await createTeamwireClient(run.source.baseUrl, run.credentials, run.http);
    const dashboard = await client.dashboard();
    await run.write(() => writeDashboard(run, dashboard));
  });
  if (!loggedIn || !client) return;
  const api = client;

  const from =
    run.since ?? (cursor.seriesFrom ? parseIsoDay(cursor.seriesFrom) : undefined) ?? addDays(run.until, -TEAMWIRE_DEFAULT_LOOKBACK_DAYS);
  const windows = months(from, run.until);
  run.planned(windows.length);
  for (const window of windows) {
    const ok = await run.unit(`series ${window.year}-${String(window.month).padStart(2, "0")}`, async () => {
      const events: BatchEvent[] = [];
      for (const [name, metric] of SERIES) {
        const series = await api.dailySeries(name, window.year, window.month);
        for (const row of series.data) {
          const day = parseIsoDay(row.date);
          if (!day || day < window.from || day >= window.to || !(row.count > 0)) continue;
          events.push({
            idempotencyKey: `sync:teamwire:org:${metric}:${row.date}`,
            organizationId,
            vendor: "TEAMWIRE",
            metric,
            timestamp: `${row.date}T00:00:00.000Z`,
            value: row.count,
          });
        }
      }
      run.summary.fetched += events.length;
      await run.write(async () => {
        const { counts } = await applyBatch(run.prisma, organizationId, { events }, run.dryRun);
        run.summary.created += counts.created;
        run.summary.skipped += counts.skipped;
        await run.saveCursor({ seriesFrom: isoDay(window.to) });
      });
    });
    if (!ok) break;
  }
}

/** The Teamwire pull connector: a Bearer token, or an admin's email and password for the session login (docs/vendors/teamwire.md §1.0.2). */
export const teamwireConnector: Connector = {
  credentialsProblem: (c) => (c.token || (c.email && c.password) ? undefined : "Teamwire needs token, or email and password of an admin"),
  sync: syncTeamwire,
};
