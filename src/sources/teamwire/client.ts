import { z } from "zod";
import { teamwireDashboard } from "../../vendors/teamwire/dashboard.js";
import { createHttpClient, parsePayload, UpstreamError, type HttpClientOptions } from "../http-client.js";

/** The Enterprise API version the connector speaks (`/v1/admin/...`). */
export const TEAMWIRE_API_VERSION = "1";

// Payloads of docs/vendors/teamwire.md §1, as far as the connector reads them.

// Keys the gateway does not serve are dropped, not refused (at both levels): a Teamwire that adds fields still syncs.
// `settings` is any string here: a privacy mode the gateway does not know is the sync's to handle, not a broken payload.
const dashboard = teamwireDashboard
  .strip()
  .extend({ settings: z.string(), admins: z.array(teamwireDashboard.shape.admins.element.strip()) });
const series = z
  .array(
    z.object({
      keys: z.string(),
      min_year: z.number().int(),
      min_month: z.number().int(),
      data: z.array(z.object({ date: z.string(), count: z.number() })),
    }),
  )
  .min(1);

export type TwDashboard = z.output<typeof dashboard>;
export type TwSeries = z.output<typeof series>[number];
export type TwSeriesName = "sent_messages" | "activated_connectors" | "active_users";

export interface TeamwireClient {
  dashboard(): Promise<TwDashboard>;
  /** One series with daily rows for `month` (1-based) of `year`. */
  dailySeries(name: TwSeriesName, year: number, month: number): Promise<TwSeries>;
}

/**
 * The Teamwire Enterprise API admin statistics (docs/vendors/teamwire.md §1): with a Bearer token, or an
 * admin's email and password through `POST /v1/admin/login/`, whose session cookies are then sent.
 */
export async function createTeamwireClient(
  baseUrl: string,
  credentials: { token?: string; email?: string; password?: string },
  options: Omit<HttpClientOptions, "baseUrl" | "headers"> = {},
): Promise<TeamwireClient> {
  const prefix = `/v${TEAMWIRE_API_VERSION}/admin`;
  let headers: Record<string, string>;
  if (credentials.token) headers = { authorization: `Bearer ${credentials.token}` };
  else {
    const login = await createHttpClient({ ...options, baseUrl }).request("POST", `${prefix}/login/`, {
      json: { email: credentials.email, password: credentials.password },
    });
    const cookies = login.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0]!)
      .filter((pair) => pair.includes("="));
    if (cookies.length === 0)
      throw new UpstreamError("http", `POST ${prefix}/login/`, "the login answered without a session cookie", login.status);
    headers = { cookie: cookies.join("; ") };
  }
  const http = createHttpClient({ ...options, baseUrl, headers });
  return {
    async dashboard() {
      const path = `${prefix}/stats/dashboard/`;
      return parsePayload(dashboard, await http.getJson(path), `GET ${path}`);
    },
    async dailySeries(name, year, month) {
      const path = `${prefix}/stats/${name}/`;
      return parsePayload(series, await http.getJson(path, { year, month }), `GET ${path}`)[0]!;
    },
  };
}
