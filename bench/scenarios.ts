/** The operations `npm run bench` loads the gateway with. History ends 2026-11-01 (bench seed). */

export interface Scenario {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const END = "2026-11-01T00:00:00.000Z";
const YEAR_AGO = "2025-11-01T00:00:00.000Z";
const MONTH_AGO = "2026-10-02T00:00:00.000Z";

/** The organization dashboard over the last year, its usage series selected as `series`. */
function dashboard(name: string, series: string): Scenario {
  return {
    name,
    query: `query Dashboard($from: DateTimeISO!, $to: DateTimeISO!) {
      organization {
        usage(from: $from, to: $to, resolution: DAY) { ${series} }
        deviceStats(discriminator: OS) { os total }
        activeUsers(year: 2026, month: 10) { points { date count } }
        workspaceStatistics {
          totalUsers activeAccounts pendingUsers deactivatedUsers devices
          presence { online away busy offline } messages { total channel privateGroup direct livechat }
          aiCompletions aiChatInteractions lastActiveAt
        }
      }
    }`,
    variables: { from: YEAR_AGO, to: END },
  };
}

export const SCENARIOS: Scenario[] = [
  {
    name: "small",
    query: "query Small { viewer { name organization { name } } }",
    variables: {},
  },
  dashboard("dashboard", "points { from values { metric vendor value } } totals { metric vendor value }"),
  // The dashboard's usage in the columnar shape: one scalar per number instead of an object per value.
  dashboard("dashboard-columns", "columns { from columns { metric vendor values total } }"),
  {
    name: "nested",
    query: `query Nested($from: DateTimeISO!, $to: DateTimeISO!) {
      organizations(first: 20) { nodes { name teams(first: 50) { nodes { name users(first: 50) { nodes {
        email devices { os client } usage(from: $from, to: $to, resolution: DAY, metrics: [ACTIVE_USERS, MESSAGES_SENT]) { totals { metric vendor value } }
      } } } } } }
    }`,
    variables: { from: MONTH_AGO, to: END },
  },
];

/**
 * The floor of the dashboard: one statement reading the pre-aggregated rows its usage answer is
 * made of (the organization's daily sums and user sets over the year), without aggregating them.
 */
export function dashboardFloorSql(organizationId: string): [string, ...unknown[]] {
  return [
    `SELECT "bucketStart", "metric", "vendor", "roomType"::text, "value" FROM "UsageRollup"
    WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION' AND "bucketStart" >= $2::timestamptz AND "bucketStart" < $3::timestamptz
    UNION ALL
    SELECT "bucketStart", "metric", "vendor", 'NONE', bit_count("users")::float8 FROM "UsageUserSet"
    WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION' AND "bucketStart" >= $2::timestamptz AND "bucketStart" < $3::timestamptz`,
    organizationId,
    YEAR_AGO,
    END,
  ];
}

/** One usage event of the organization in the bench history's last day, new each call (a write that invalidates cached answers). */
export function benchEvent(organizationId: string, key: string): Record<string, unknown> {
  return {
    idempotencyKey: key,
    organizationId,
    vendor: "TABNINE",
    metric: "CODE_COMPLETIONS",
    timestamp: "2026-10-31T12:00:00Z",
    value: 1,
  };
}

/** The dashboard's aggregations as direct SQL over the same pre-aggregated rows (sums, user sets, all-time totals), for the raw-SQL baseline. */
export function dashboardRawSql(organizationId: string): [string, ...unknown[]][] {
  return [
    [
      `SELECT "bucketStart", "metric", "vendor", sum("value") FROM "UsageRollup"
      WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION' AND "bucketStart" >= $2::timestamptz AND "bucketStart" < $3::timestamptz
      GROUP BY GROUPING SETS ((1, 2, 3), (2, 3))`,
      organizationId,
      YEAR_AGO,
      END,
    ],
    [
      `SELECT "bucketStart", "metric", "vendor", bit_count(bit_or("users")) FROM "UsageUserSet"
      WHERE "organizationId" = $1::uuid AND "grain" = 'DAY' AND "scope" = 'ORGANIZATION' AND "bucketStart" >= $2::timestamptz AND "bucketStart" < $3::timestamptz
      GROUP BY GROUPING SETS ((1, 2, 3), (2, 3))`,
      organizationId,
      YEAR_AGO,
      END,
    ],
    [`SELECT "os", count(*) FROM "Device" WHERE "organizationId" = $1::uuid AND "wipedAt" IS NULL GROUP BY 1`, organizationId],
    [
      `SELECT "bucketStart", bit_count(bit_or("users")) FROM "UsageUserSet" WHERE "organizationId" = $1::uuid AND "grain" = 'DAY'
      AND "scope" = 'ORGANIZATION' AND "metric" = 'ACTIVE_USERS' AND "bucketStart" >= '2026-10-01' AND "bucketStart" < '2026-11-01' GROUP BY 1`,
      organizationId,
    ],
    [
      `SELECT count(*), count(*) FILTER (WHERE "status" = 'REGISTERED'), count(*) FILTER (WHERE "presence" = 'ONLINE'), max("lastActiveAt")
      FROM "User" WHERE "organizationId" = $1::uuid`,
      organizationId,
    ],
    [
      `SELECT "metric", "roomType", sum("value") FROM "UsageRollup" WHERE "organizationId" = $1::uuid AND "grain" = 'TOTAL' AND "scope" = 'ORGANIZATION'
      AND "metric" IN ('MESSAGES_SENT', 'CODE_COMPLETIONS', 'CHAT_INTERACTIONS') GROUP BY 1, 2`,
      organizationId,
    ],
  ];
}
