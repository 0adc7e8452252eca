import { z } from "zod";
import { createHttpClient, parsePayload, UpstreamError, type HttpClient, type HttpClientOptions } from "../http-client.js";
import { readWholeListing } from "../paging.js";

/** Page size of the teams and users listings (the vendor's own default is "all" or 50-200). */
export const TABNINE_PAGE_SIZE = 100;
/** Longest range asked of /user/usage and /organization/usage at once (daily buckets). */
export const TABNINE_USAGE_WINDOW_DAYS = 92;

// Payloads of docs/vendors/tabnine.md §3, as far as the connector reads them; unknown keys are ignored.

const meta = z.object({
  count: z.number().int(),
  total: z.number().int(),
  next: z.object({ limit: z.number(), offset: z.number().int() }).nullish(),
});
const tnUser = z.object({
  id: z.string().min(1),
  username: z.string(),
  email: z.string().min(3),
  role: z.string(),
  verified: z.boolean().optional(),
  deactivatedAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
const userList = z.object({ data: z.array(tnUser), meta });
const teamList = z.object({
  data: z.array(
    z.object({ id: z.string().min(1), name: z.string().min(1), usersCount: z.number().optional(), isDefaultTeam: z.boolean().optional() }),
  ),
  meta,
});
const organization = z.object({
  id: z.string().min(1),
  name: z.string(),
  domains: z.array(z.string()).optional(),
  planType: z.string().optional(),
  samlEnabled: z.boolean().optional(),
  smtpConfigured: z.boolean().optional(),
  usernamePasswordEnabled: z.boolean().optional(),
  publicKey: z.string().optional(),
});
const license = z.object({
  license: z.object({
    exp: z.number().optional(),
    iat: z.number().optional(),
    seats: z.number().int().optional(),
    seatsCap: z.number().int().optional(),
    audience: z.string().optional(),
    features: z.array(z.string()).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  }),
});
const usageBlock = z.object({
  from: z.string(),
  to: z.string(),
  activeUsers: z.number(),
  productivityFactor: z.number().optional(),
  codeCompletions: z
    .object({
      activeUsers: z.number(),
      completions: z.number(),
      charsCompleted: z.number(),
      keystrokes: z.number(),
      lines: z.number(),
    })
    .partial()
    .optional(),
  chat: z
    .object({
      activeUsers: z.number(),
      interactions: z.number(),
      usefulChatInteractions: z.number(),
      lines: z.number(),
      charsCompleted: z.number(),
      chatConsumptionRate: z.number(),
    })
    .partial()
    .optional(),
});
const usage = z.object({ usage: z.object({ granularity: z.string(), data: z.array(usageBlock) }) });

export type TnUser = z.output<typeof tnUser>;
export type TnTeam = z.output<typeof teamList>["data"][number];
export type TnOrganization = z.output<typeof organization>;
export type TnLicense = z.output<typeof license>["license"];
export type TnUsageBlock = z.output<typeof usageBlock>;

export interface TabnineClient {
  organization(): Promise<TnOrganization>;
  teams(): Promise<TnTeam[]>;
  teamUsers(teamId: string): Promise<TnUser[]>;
  /** Users without a team, registered (`active`) or deactivated. */
  teamlessUsers(active: boolean): Promise<TnUser[]>;
  license(): Promise<TnLicense | undefined>;
  userUsage(organizationId: string, userId: string, from: Date, to: Date): Promise<TnUsageBlock[]>;
  organizationUsage(organizationId: string, from: Date, to: Date): Promise<TnUsageBlock[]>;
}

/** The Tabnine Usage Metrics API (docs/vendors/tabnine.md §3) with an admin access token (Bearer). */
export function createTabnineClient(
  baseUrl: string,
  token: string,
  options: Omit<HttpClientOptions, "baseUrl" | "headers"> = {},
): TabnineClient {
  const http: HttpClient = createHttpClient({ ...options, baseUrl, headers: { authorization: `Bearer ${token}` } });
  const get = async <S extends z.ZodType>(schema: S, path: string, query?: Record<string, string | number | boolean>) =>
    parsePayload(schema, await http.getJson<unknown>(path, query), `GET ${path}`);
  const users = (path: string, extra: Record<string, string | boolean> = {}) =>
    readWholeListing(
      `GET ${path}`,
      (offset, limit) => get(userList, path, { offset, limit, ...extra }),
      (user) => user.id,
      TABNINE_PAGE_SIZE,
    );
  const dailyUsage = (path: string, query: Record<string, string>, from: Date, to: Date) =>
    get(usage, path, { ...query, from: from.toISOString(), to: to.toISOString(), granularity: "daily" }).then((body) => body.usage.data);
  return {
    organization: () => get(organization, "/api/v1/organization"),
    teams: () =>
      readWholeListing(
        "GET /api/v1/organization/teams",
        (offset, limit) => get(teamList, "/api/v1/organization/teams", { offset, limit }),
        (team) => team.id,
        TABNINE_PAGE_SIZE,
      ),
    teamUsers: (teamId) => users(`/api/v1/team/${encodeURIComponent(teamId)}/users`),
    teamlessUsers: (active) => users("/api/v1/organization/users", { teamMember: false, active }),
    async license() {
      try {
        return (await get(license, "/api/v1/license")).license;
      } catch (error) {
        if (error instanceof UpstreamError && error.status === 404) return undefined; // no license on record
        throw error;
      }
    },
    userUsage: (organizationId, userId, from, to) => dailyUsage("/api/v1/user/usage", { organizationId, userId }, from, to),
    organizationUsage: (organizationId, from, to) => dailyUsage("/api/v1/organization/usage", { organizationId }, from, to),
  };
}
