import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { forbidden, notFound } from "../../errors.js";
import { TEAMWIRE_PRIVACY_MODES } from "../../vendors/teamwire/privacy-mode.js";
import {
  TeamwireActivatedConnectorsDocument,
  TeamwireActiveUsersDocument,
  TeamwireDashboardDocument,
  TeamwireDevicesDocument,
  TeamwireLastUsagesDocument,
  TeamwireOrganisationDocument,
  TeamwireSentMessagesDocument,
  type TeamwireCalendarFragment,
} from "../__generated__/operations.js";
import { defineRoute, type Caller, type VendorRoute } from "../route.js";
import type { TeamwireCaller } from "./access.js";
import { deviceRows, DEVICE_KEYS } from "./mappers.js";
import * as s from "./schemas.js";

const PREFIX = "/v1/admin/stats";
const SCOPED_ERRORS = [401, 403, 404];

const MAX_ORGANISATION_NUMBER = 2_147_483_647;
/** The organisation to answer for; a number no organisation can have (GraphQL Int) is an unknown one. */
function organisationNumber(caller: Caller<TeamwireCaller>, params: { organisation_id?: number }): number {
  const number = params.organisation_id ?? caller.extra.ownNumber;
  if (!Number.isSafeInteger(number) || number > MAX_ORGANISATION_NUMBER) throw notFound("organisation", String(params.organisation_id));
  return number;
}

/**
 * §1.0.3: only a Superadmin may name another organisation (403 whether it exists or not), and an
 * unknown one is 404 — checked here because it comes before the query parameters' 400.
 */
async function authorizeOrganisation(caller: Caller<TeamwireCaller>, params: { organisation_id?: number }): Promise<void> {
  const requested = params.organisation_id;
  if (requested === undefined || requested === caller.extra.ownNumber) return;
  if (!caller.extra.superadmin) throw forbidden("only Superadmins may name another organisation");
  const { organization } = await caller.run(TeamwireOrganisationDocument, { number: organisationNumber(caller, params) });
  if (!organization) throw notFound("organisation", String(requested));
}

/** The same route with and without the optional `<organisation_id>/` segment. */
const withAndWithoutOrganisation = (path: string) => [`${path}/`, `${path}/:organisation_id/`];

type CalendarVariables = { number: number; year: number; month?: number | null };
type CalendarResult = { organization: Record<string, TeamwireCalendarFragment> | null };

function seriesRoutes(
  segment: string,
  keys: "Active Users" | "Activated Connectors" | "Messages",
  field: string,
  document: TypedDocumentNode<CalendarResult, CalendarVariables>,
) {
  return withAndWithoutOrganisation(`${PREFIX}/${segment}`).map((path) =>
    defineRoute({
      method: "GET",
      path,
      summary: `${keys} per day (month given) or per month of a year`,
      description:
        "One list element; `data` is zero-filled, ascending, UTC, up to the current interval. `organisation_id` is for Superadmins.",
      params: s.organisationParams,
      query: s.seriesQuery,
      authorize: authorizeOrganisation,
      response: s.series,
      errors: [400, ...SCOPED_ERRORS],
      async handle({ caller, params, query }) {
        const { organization } = await caller.run(document, {
          number: organisationNumber(caller, params),
          year: query.year,
          month: query.month ?? null,
        });
        const calendar = organization![field]!;
        return [
          {
            keys,
            min_year: calendar.minYear,
            min_month: calendar.minMonth,
            data: calendar.points.map(({ date, count }) => ({ date, count })),
          },
        ];
      },
    }),
  );
}

export const teamwireRoutes = [
  defineRoute({
    method: "GET",
    path: `${PREFIX}/dashboard/`,
    summary: "Return data of interest for a dashboard",
    description: "Always the caller's organisation.",
    response: s.dashboard,
    errors: [401, 403],
    async handle({ caller }) {
      const { organization: o } = await caller.run(TeamwireDashboardDocument, {});
      const stats = o!.workspaceStatistics;
      const admins = [...o!.users.nodes].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
      return {
        settings: TEAMWIRE_PRIVACY_MODES[o!.privacyMode],
        users_count: stats.clientUsers,
        pending_users_count: stats.pendingUsers,
        groups_count: stats.groupsCount,
        domains_count: o!.domains.length,
        admins_count: stats.adminsCount,
        company: o!.name,
        license_count: Math.max(0, ...o!.licenses.map((license) => license.seats)),
        admins: admins.map((admin) => ({ first_name: admin.firstName, last_name: admin.lastName, super: admin.role === "SUPERADMIN" })),
      };
    },
  }),
  ...seriesRoutes("active_users", "Active Users", "activeUsers", TeamwireActiveUsersDocument),
  ...seriesRoutes("activated_connectors", "Activated Connectors", "activatedConnectors", TeamwireActivatedConnectorsDocument),
  ...seriesRoutes("sent_messages", "Messages", "sentMessages", TeamwireSentMessagesDocument),
  ...withAndWithoutOrganisation(`${PREFIX}/last_usages`).map((path) =>
    defineRoute({
      method: "GET",
      path,
      summary: "Monthly distribution of last Teamwire client usages",
      description: "Each user counted once, in the month of their last client use; months without users are omitted.",
      params: s.organisationParams,
      authorize: authorizeOrganisation,
      response: s.lastUsages,
      errors: SCOPED_ERRORS,
      async handle({ caller, params }) {
        const { organization } = await caller.run(TeamwireLastUsagesDocument, { number: organisationNumber(caller, params) });
        return organization!.lastUsages
          .filter((month) => month.users > 0)
          .map((month) => ({ key: { month: month.month, year: month.year }, y: month.users }));
      },
    }),
  ),
  ...withAndWithoutOrganisation(`${PREFIX}/device/:discriminator`).map((path) =>
    defineRoute({
      method: "GET",
      path,
      summary: "Return device statistics",
      description:
        "`discriminator`: os, client, is_managed or locale. `?os=` (with os) and `?client=` (with client) list that one's versions. " +
        "is_managed: the (client, os) pairs of managed devices, most devices first.",
      params: s.deviceParams,
      query: s.deviceQuery,
      authorize: authorizeOrganisation,
      response: s.deviceStats,
      errors: SCOPED_ERRORS,
      async handle({ caller, params, query }) {
        const discriminator = s.DISCRIMINATORS[params.discriminator];
        const os = discriminator === "OS" ? (query.os ?? null) : null;
        const client = discriminator === "CLIENT" ? (query.client ?? null) : null;
        const { organization } = await caller.run(TeamwireDevicesDocument, {
          number: organisationNumber(caller, params),
          discriminator,
          os,
          client,
        });
        return {
          keys: DEVICE_KEYS[discriminator],
          data: deviceRows(discriminator, organization!.deviceStats, os !== null || client !== null),
        };
      },
    }),
  ),
] as unknown as readonly VendorRoute<never, never, TeamwireCaller>[];
