import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";
import { Arg, Args, Ctx, FieldResolver, GraphQLISODateTime, Info, Resolver, Root } from "type-graphql";
import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import { Organization } from "../organization/organization.type.js";
import { DeviceDiscriminator, Vendor } from "../shared/enums.js";
import { accountUtilization, lastUsages } from "../../statistics/accounts.service.js";
import { CalendarArgs } from "./calendar.args.js";
import { calendarSeries } from "../../statistics/calendar.service.js";
import { AccountUtilizationMonth, CalendarSeries, LastUsage } from "./calendar.type.js";
import { DeviceStat } from "./device-stat.type.js";
import { deviceStats } from "../../statistics/device-stats.service.js";
import { DailyActiveUsers } from "./daily-active-users.type.js";
import { loadDailyActiveUsers } from "../../statistics/daily-active-users.service.js";
import { WorkspaceStatistics } from "./workspace-statistics.type.js";
import { workspaceStatistics } from "../../statistics/workspace.service.js";

/** Whether the field being resolved selects `type.field { innerType.inner }` (fragments and aliases included). */
function selects(info: GraphQLResolveInfo, type: string, field: string, innerType: string, inner: string): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  return Object.values(tree?.fieldsByTypeName[type] ?? {}).some(
    (child) => child.name === field && Object.values(child.fieldsByTypeName[innerType] ?? {}).some((leaf) => leaf.name === inner),
  );
}

/** Aggregates of an organization. All of them need the ADMIN role in it (or SUPERADMIN). */
@Resolver(() => Organization)
export class OrganizationStatisticsResolver {
  private admin(ctx: GraphQLContext, organization: Organization, what: string) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, what);
  }

  @FieldResolver(() => [DeviceStat], { description: "Registered, not wiped devices grouped by the discriminator, most first." })
  deviceStats(
    @Root() organization: Organization,
    @Arg("discriminator", () => DeviceDiscriminator, { description: "How to group." }) discriminator: DeviceDiscriminator,
    @Arg("os", () => String, { nullable: true, description: "With OS: one row per version of this OS." }) os: string | null | undefined,
    @Arg("client", () => String, { nullable: true, description: "With CLIENT: one row per version of this client." })
    client: string | null | undefined,
    @Arg("vendor", () => Vendor, { nullable: true, description: "Only this vendor's devices." }) vendor: Vendor | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    this.admin(ctx, organization, "device statistics");
    return deviceStats(ctx.loaders, organization.id, { discriminator, os: os ?? null, client: client ?? null, vendor: vendor ?? null });
  }

  @FieldResolver(() => CalendarSeries, { description: "Distinct active users per day (month given) or per month, with their ids." })
  activeUsers(
    @Root() organization: Organization,
    @Args(() => CalendarArgs) args: CalendarArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    this.admin(ctx, organization, "active users");
    // Counts come from the pre-aggregated user sets; the ids only when the query asks for them.
    const withUserIds = selects(info, "CalendarSeries", "points", "CalendarPoint", "userIds");
    return calendarSeries(ctx.loaders, organization.id, "ACTIVE_USERS", { ...args, distinctUsers: true, withUserIds });
  }

  @FieldResolver(() => CalendarSeries, { description: "Teamwire connectors activated per day (month given) or per month." })
  activatedConnectors(@Root() organization: Organization, @Args(() => CalendarArgs) args: CalendarArgs, @Ctx() ctx: GraphQLContext) {
    this.admin(ctx, organization, "activated connectors");
    return calendarSeries(ctx.loaders, organization.id, "CONNECTOR_ACTIVATIONS", { ...args, distinctUsers: false });
  }

  @FieldResolver(() => CalendarSeries, { description: "Messages sent per day (month given) or per month." })
  sentMessages(@Root() organization: Organization, @Args(() => CalendarArgs) args: CalendarArgs, @Ctx() ctx: GraphQLContext) {
    this.admin(ctx, organization, "sent messages");
    return calendarSeries(ctx.loaders, organization.id, "MESSAGES_SENT", { ...args, distinctUsers: false });
  }

  @FieldResolver(() => [LastUsage], {
    description: "Per month, the users whose last client use fell in it (ascending; empty months omitted).",
  })
  lastUsages(
    @Root() organization: Organization,
    @Arg("vendor", () => Vendor, { nullable: true, description: "Only use of this vendor's clients." }) vendor: Vendor | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    this.admin(ctx, organization, "last usages");
    return lastUsages(ctx.loaders, organization.id, vendor ?? null);
  }

  @FieldResolver(() => [AccountUtilizationMonth], {
    description: "Tabnine account utilization per month, from startMonth through the current month (counted so far).",
  })
  accountUtilization(
    @Root() organization: Organization,
    @Arg("startMonth", () => String, { nullable: true, description: "First month, YYYY-MM. Default: 11 months before the current one." })
    startMonth: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    this.admin(ctx, organization, "account utilization");
    return accountUtilization(ctx.loaders, organization.id, startMonth);
  }

  @FieldResolver(() => WorkspaceStatistics, {
    description: "Live totals computed from the store: accounts, presence, languages, messages, devices, AI use.",
  })
  workspaceStatistics(
    @Root() organization: Organization,
    @Arg("vendor", () => Vendor, { nullable: true, description: "Only accounts and activity at this vendor." })
    vendor: Vendor | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    this.admin(ctx, organization, "workspace statistics");
    return workspaceStatistics(ctx.loaders, organization.id, vendor ?? null);
  }

  @FieldResolver(() => [DailyActiveUsers], {
    description:
      "Distinct active users per UTC calendar day, from the day of `from` to the day of `to` (inclusive, at most 3660 days), ascending, days without any included; empty when `from` is on a later day than `to`.",
  })
  dailyActiveUsers(
    @Root() organization: Organization,
    @Arg("from", () => GraphQLISODateTime, { description: "Any time on the first day (UTC)." }) from: Date,
    @Arg("to", () => GraphQLISODateTime, { description: "Any time on the last day (UTC)." }) to: Date,
    @Arg("vendor", () => Vendor, {
      nullable: true,
      description: "Only activity at this vendor, and the users' ids there. Omitted: any vendor.",
    })
    vendor: Vendor | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    this.admin(ctx, organization, "daily active users");
    return loadDailyActiveUsers(ctx.loaders, organization.id, from, to, vendor ?? null);
  }
}
