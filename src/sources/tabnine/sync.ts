import pLimit from "p-limit";
import type { UsageMetric } from "../../db/generated/enums.js";
import { applyBatch, type BatchEvent, type BatchTeam, type BatchUser } from "../apply-batch.js";
import { addDays, dayWindows, isoDay, parseIsoDay } from "../days.js";
import { DEFAULT_CONCURRENCY } from "../http-client.js";
import type { Connector, ConnectorRun, SyncCounts } from "../sync.types.js";
import {
  createTabnineClient,
  TABNINE_USAGE_WINDOW_DAYS,
  type TnLicense,
  type TnOrganization,
  type TnUsageBlock,
  type TnUser,
} from "./client.js";

/** First sync without --since: this many days of usage before today. */
export const TABNINE_DEFAULT_LOOKBACK_DAYS = 30;

/** Source.cursor of a Tabnine source: per Tabnine user id, and for the organization ratios, the first day not yet pulled. */
interface TabnineCursor {
  users?: Record<string, string>;
  organizationUsage?: string;
}

type Pick = (block: TnUsageBlock) => number | undefined;
const DISTINCT: Pick = (b) => b.activeUsers;

/** Per-user daily metrics (docs/vendors/vendors.md §4.5): distinct-user metrics become a value of 1 on active days. */
const USER_METRICS: [UsageMetric, Pick, "distinct" | "sum"][] = [
  ["ACTIVE_USERS", DISTINCT, "distinct"],
  ["COMPLETION_ACTIVE_USERS", (b) => b.codeCompletions?.activeUsers, "distinct"],
  ["CODE_COMPLETIONS", (b) => b.codeCompletions?.completions, "sum"],
  ["COMPLETION_CHARS", (b) => b.codeCompletions?.charsCompleted, "sum"],
  ["KEYSTROKES", (b) => b.codeCompletions?.keystrokes, "sum"],
  ["COMPLETION_LINES", (b) => b.codeCompletions?.lines, "sum"],
  ["CHAT_ACTIVE_USERS", (b) => b.chat?.activeUsers, "distinct"],
  ["CHAT_INTERACTIONS", (b) => b.chat?.interactions, "sum"],
  ["USEFUL_CHAT_INTERACTIONS", (b) => b.chat?.usefulChatInteractions, "sum"],
  ["CHAT_LINES", (b) => b.chat?.lines, "sum"],
  ["CHAT_CHARS", (b) => b.chat?.charsCompleted, "sum"],
];

/** Organization-level daily ratios, only on days with Tabnine activity (they are weighted by it). */
const ORG_METRICS: [UsageMetric, Pick][] = [
  ["PRODUCTIVITY_FACTOR", (b) => b.productivityFactor],
  ["CHAT_CONSUMPTION_RATE", (b) => b.chat?.chatConsumptionRate],
];

function dayOf(block: TnUsageBlock): string | undefined {
  const from = new Date(block.from);
  return Number.isNaN(from.getTime()) ? undefined : isoDay(from);
}

export function userEvents(organizationId: string, tabnineUserId: string, blocks: readonly TnUsageBlock[]): BatchEvent[] {
  const events: BatchEvent[] = [];
  for (const block of blocks) {
    const day = dayOf(block);
    if (!day) continue;
    for (const [metric, pick, kind] of USER_METRICS) {
      const value = pick(block);
      if (!value || value <= 0) continue;
      events.push({
        idempotencyKey: `sync:tabnine:user:${tabnineUserId}:${metric}:${day}`,
        organizationId,
        vendor: "TABNINE",
        metric,
        timestamp: `${day}T00:00:00.000Z`,
        value: kind === "distinct" ? 1 : value,
        identity: { vendor: "TABNINE", externalId: tabnineUserId },
      });
    }
  }
  return events;
}

export function organizationEvents(organizationId: string, blocks: readonly TnUsageBlock[]): BatchEvent[] {
  const events: BatchEvent[] = [];
  for (const block of blocks) {
    const day = dayOf(block);
    if (!day || block.activeUsers <= 0) continue;
    for (const [metric, pick] of ORG_METRICS) {
      const value = pick(block);
      if (value === undefined || value < 0) continue;
      events.push({
        idempotencyKey: `sync:tabnine:org:${metric}:${day}`,
        organizationId,
        vendor: "TABNINE",
        metric,
        timestamp: `${day}T00:00:00.000Z`,
        value,
      });
    }
  }
  return events;
}

function add(into: SyncCounts, counts: SyncCounts): void {
  into.created += counts.created;
  into.updated += counts.updated;
  into.skipped += counts.skipped;
  into.failed += counts.failed;
}

function directoryUser(organizationId: string, user: TnUser, teamId: string | null): BatchUser {
  return {
    organizationId,
    email: user.email.toLowerCase(),
    username: user.username || undefined,
    teamId,
    status: user.deactivatedAt ? "DEACTIVATED" : "REGISTERED",
    identities: [{ vendor: "TABNINE", externalId: user.id, vendorRole: user.role }],
  };
}

/**
 * The organization's settings as Tabnine reports them. Never its `domains`: they decide which new
 * addresses may join the tenant (an empty list: any), so a vendor (or whoever runs the base URL a
 * source was registered with) could re-open the any-address rule or claim another tenant's domain.
 * Operators set them (`usage-gateway org create --domain`).
 */
async function writeOrganization(run: ConnectorRun, org: TnOrganization): Promise<void> {
  const data = {
    ...(org.planType ? { plan: org.planType } : {}),
    ...(org.samlEnabled === undefined ? {} : { samlEnabled: org.samlEnabled }),
    ...(org.smtpConfigured === undefined ? {} : { smtpConfigured: org.smtpConfigured }),
    ...(org.usernamePasswordEnabled === undefined ? {} : { usernamePasswordEnabled: org.usernamePasswordEnabled }),
    ...(org.publicKey === undefined ? {} : { publicKey: org.publicKey }),
  };
  const current = await run.prisma.organization.findUniqueOrThrow({ where: { id: run.organizationId } });
  const changed = Object.entries(data).some(
    ([key, value]) => JSON.stringify(current[key as keyof typeof current]) !== JSON.stringify(value),
  );
  run.summary.fetched++;
  if (!changed) run.summary.skipped++;
  else run.summary.updated++;
  if (run.dryRun) return;
  if (changed) await run.prisma.organization.update({ where: { id: run.organizationId }, data });
  if (run.source.externalId !== org.id) await run.prisma.source.update({ where: { id: run.source.id }, data: { externalId: org.id } });
}

async function writeLicense(run: ConnectorRun, license: TnLicense): Promise<void> {
  const data = {
    seats: license.seats ?? 0,
    seatsCap: license.seatsCap ?? null,
    audience: license.audience ?? null,
    features: license.features ?? [],
    settings: (license.settings ?? {}) as object,
    issuedAt: license.iat === undefined ? null : new Date(license.iat * 1000),
    expiresAt: license.exp === undefined ? null : new Date(license.exp * 1000),
  };
  const where = { organizationId_vendor: { organizationId: run.organizationId, vendor: "TABNINE" as const } };
  const current = await run.prisma.license.findUnique({ where });
  run.summary.fetched++;
  const same =
    current &&
    JSON.stringify({ ...current, id: undefined, organizationId: undefined, vendor: undefined }) ===
      JSON.stringify({ ...data, id: undefined, organizationId: undefined, vendor: undefined });
  if (!current) run.summary.created++;
  else if (same) run.summary.skipped++;
  else run.summary.updated++;
  if (!run.dryRun && !same)
    await run.prisma.license.upsert({ where, create: { organizationId: run.organizationId, vendor: "TABNINE", ...data }, update: data });
}

/**
 * Pulls one Tabnine organization (docs/vendors/tabnine.md §3): organization settings and license; the
 * directory (teams, their members, teamless registered and deactivated users) as one unit; then
 * per user, complete UTC days of daily usage in windows of TABNINE_USAGE_WINDOW_DAYS, each window
 * one unit whose commit advances that user's cursor; then the organization's daily ratios.
 */
export async function syncTabnine(run: ConnectorRun): Promise<void> {
  const client = createTabnineClient(run.source.baseUrl, run.credentials.token ?? "", run.http);
  const cursor = run.source.cursor as TabnineCursor;
  const organizationId = run.organizationId;
  let vendorOrganizationId = run.source.externalId;
  let directory: TnUser[] | undefined;

  run.planned(2);
  await run.unit("organization and license", async () => {
    const [org, license] = await Promise.all([client.organization(), client.license()]);
    vendorOrganizationId = org.id;
    await run.write(async () => {
      await writeOrganization(run, org);
      if (license) await writeLicense(run, license);
    });
  });

  await run.unit("directory (teams and users)", async () => {
    const teams = await client.teams();
    const members = await Promise.all(teams.map(async (team) => ({ team, users: await client.teamUsers(team.id) })));
    const [active, deactivated] = await Promise.all([client.teamlessUsers(true), client.teamlessUsers(false)]);
    const users = new Map<string, BatchUser>();
    const seen = new Map<string, TnUser>();
    for (const { team, users: list } of members)
      for (const user of list) {
        users.set(user.id, directoryUser(organizationId, user, team.id));
        seen.set(user.id, user);
      }
    for (const user of [...active, ...deactivated]) {
      if (users.has(user.id)) continue;
      users.set(user.id, {
        ...directoryUser(organizationId, user, null),
        status: deactivated.includes(user) ? "DEACTIVATED" : "REGISTERED",
      });
      seen.set(user.id, user);
    }
    const batchTeams: BatchTeam[] = teams.map((team) => ({ organizationId, id: team.id, name: team.name }));
    run.summary.fetched += batchTeams.length + users.size;
    const { counts, rejected } = await run.write(() =>
      applyBatch(run.prisma, organizationId, { events: [], teams: batchTeams, users: [...users.values()] }, run.dryRun),
    );
    add(run.summary, counts);
    for (const r of rejected) run.summary.errors.push(`directory: ${r.what} not stored: ${r.reason}`);
    const refused = new Set(rejected.map((r) => r.what));
    directory = [...seen.values()].filter((user) => !refused.has(`user ${user.email.toLowerCase()}`));
  });

  if (!vendorOrganizationId) {
    run.summary.errors.push(
      "usage: skipped, the Tabnine organization id is unknown (GET /api/v1/organization failed and the source has no externalId)",
    );
    return;
  }
  const orgId = vendorOrganizationId;
  // Without a fresh directory (its unit failed), the users already stored are synced.
  const userIds =
    directory?.map((user) => user.id) ??
    (
      await run.prisma.identity.findMany({
        where: { organizationId, vendor: "TABNINE" },
        select: { externalId: true },
        orderBy: { externalId: "asc" },
      })
    ).map((i) => i.externalId);

  const firstDay = (stored: string | undefined) =>
    run.since ?? (stored ? parseIsoDay(stored) : undefined) ?? addDays(run.until, -TABNINE_DEFAULT_LOOKBACK_DAYS);

  const perUser = userIds.map((id) => ({ id, windows: dayWindows(firstDay(cursor.users?.[id]), run.until, TABNINE_USAGE_WINDOW_DAYS) }));
  const orgWindows = dayWindows(firstDay(cursor.organizationUsage), run.until, TABNINE_USAGE_WINDOW_DAYS);
  run.planned(perUser.reduce((sum, user) => sum + user.windows.length, 0) + orgWindows.length);

  const users = pLimit(run.http.concurrency ?? DEFAULT_CONCURRENCY);
  await Promise.all(
    perUser.map(({ id, windows }) =>
      users(async () => {
        for (const window of windows) {
          const ok = await run.unit(`usage of Tabnine user ${id} ${isoDay(window.from)}..${isoDay(addDays(window.to, -1))}`, async () => {
            const blocks = await client.userUsage(orgId, id, window.from, window.to);
            const events = userEvents(organizationId, id, blocks);
            run.summary.fetched += events.length;
            await run.write(async () => {
              const { counts } = await applyBatch(run.prisma, organizationId, { events }, run.dryRun);
              add(run.summary, counts);
              await run.saveCursor({ users: { [id]: isoDay(window.to) } });
            });
          });
          if (!ok) break; // the next window waits for this one: the cursor only moves over committed days
        }
      }),
    ),
  );

  for (const window of orgWindows) {
    const ok = await run.unit(`organization ratios ${isoDay(window.from)}..${isoDay(addDays(window.to, -1))}`, async () => {
      const events = organizationEvents(organizationId, await client.organizationUsage(orgId, window.from, window.to));
      run.summary.fetched += events.length;
      await run.write(async () => {
        const { counts } = await applyBatch(run.prisma, organizationId, { events }, run.dryRun);
        add(run.summary, counts);
        await run.saveCursor({ organizationUsage: isoDay(window.to) });
      });
    });
    if (!ok) break;
  }
}

/** The Tabnine pull connector: an admin access token, sent as Bearer (docs/vendors/tabnine.md §3.0.2). */
export const tabnineConnector: Connector = {
  credentialsProblem: (c) => (c.token ? undefined : "Tabnine needs token (an admin access token, sent as Bearer)"),
  sync: syncTabnine,
};
