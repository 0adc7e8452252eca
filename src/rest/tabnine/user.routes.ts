import { TabnineUserDocument, TabnineUserUsageDocument } from "../__generated__/operations.js";
import { defineRoute, type VendorRoute } from "../route.js";
import { forbidOtherTenant, ownOrganization, requireAdmin } from "./access.js";
import { ERRORS } from "./errors.js";
import { usageContainer, usageVariables } from "./mappers.js";
import * as s from "./schemas.js";

/** Tabnine user endpoints (docs/vendors/tabnine.md §3.12–3.13). */
export const userRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/user/usage",
    summary: "User-level usage",
    authorize: requireAdmin,
    query: s.userUsageQuery,
    response: s.userUsage,
    errors: ERRORS,
    async handle({ caller, query }) {
      ownOrganization(caller, query.organizationId, "403");
      const { userByIdentity: user } = await forbidOtherTenant(
        caller.run(TabnineUserUsageDocument, { userId: query.userId, ...usageVariables(query) }),
      );
      return {
        organizationId: query.organizationId,
        userId: query.userId,
        from: query.from.toISOString(),
        to: query.to.toISOString(),
        usage: usageContainer(user!.usage, query.granularity, query.from, query.to),
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/user/:user_id",
    summary: "User-level info",
    authorize: requireAdmin,
    params: s.userIdParams,
    response: s.userInfo,
    errors: ERRORS,
    async handle({ caller, params }) {
      const { userByIdentity: user } = await forbidOtherTenant(caller.run(TabnineUserDocument, { userId: params.user_id }));
      const account = user!.identities[0]!;
      return {
        user: {
          organization_id: user!.organization.id,
          user_id: account.externalId,
          email: user!.email,
          role: account.vendorRole ?? "Member",
          createdAt: new Date(user!.createdAt).toISOString(),
          updatedAt: new Date(user!.updatedAt).toISOString(),
        },
        teams: user!.team ? { team_id: user!.team.id, team_name: user!.team.name } : {},
      };
    },
  }),
] as unknown as readonly VendorRoute<never, never, unknown>[];
