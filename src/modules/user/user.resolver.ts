import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { canSeeTeam, canSeeUser, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import type { User as UserRow } from "../../db/generated/client.js";
import { notFound } from "../../errors.js";
import { Organization } from "../organization/organization.type.js";
import { Vendor } from "../shared/enums.js";
import { Team } from "../team/team.type.js";
import { loadUsage } from "../../usage/usage.service.js";
import { UsageArgs, UsageSeries } from "../usage/usage.type.js";
import { Device } from "./device.type.js";
import { Identity, User } from "./user.type.js";
import { findUserByIdentity } from "./user.service.js";

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: "The user the request's token belongs to." })
  async viewer(@Ctx() ctx: GraphQLContext) {
    const viewer = requireViewer(ctx.viewer);
    return (await ctx.loaders.userById.load(viewer.userId))!;
  }

  @Query(() => User, {
    nullable: true,
    description: "A user the viewer may see (admins: their organization; team admins: their team; members: themselves).",
  })
  async user(@Arg("id", () => ID, { description: "User id." }) id: string, @Ctx() ctx: GraphQLContext) {
    const viewer = requireViewer(ctx.viewer);
    const user = await ctx.loaders.userById.load(id);
    if (!user || !canSeeUser(viewer, user)) throw notFound("user", id, !!user && user.organizationId !== viewer.organizationId);
    return user;
  }

  @Query(() => User, {
    nullable: true,
    description:
      "The user behind a vendor account (e.g. a Tabnine user id or a Rocket.Chat user id), in the viewer's organization or the given one. Same visibility as `user`.",
  })
  userByIdentity(
    @Arg("vendor", () => Vendor, { description: "The vendor of the account." }) vendor: Vendor,
    @Arg("externalId", () => String, { description: "The vendor's own user id (Identity.externalId)." }) externalId: string,
    @Arg("organizationId", () => ID, { nullable: true, description: "Organization to look in; default: the viewer's." })
    organizationId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return findUserByIdentity(ctx, vendor, externalId, organizationId);
  }

  @FieldResolver(() => String, { description: "First and last name." })
  name(@Root() user: UserRow) {
    return `${user.firstName} ${user.lastName}`.trim();
  }

  @FieldResolver(() => Organization, { description: "The user's organization." })
  async organization(@Root() user: UserRow, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.organizationById.load(user.organizationId))!;
  }

  @FieldResolver(() => Team, { nullable: true, description: "The user's team; null when unassigned or not visible to the viewer." })
  async team(@Root() user: UserRow, @Ctx() ctx: GraphQLContext) {
    if (!user.teamId) return null;
    const team = await ctx.loaders.teamById.load(user.teamId);
    return team && canSeeTeam(requireViewer(ctx.viewer), team) ? team : null;
  }

  @FieldResolver(() => [Identity], { description: "The user's account at each vendor." })
  async identities(
    @Root() user: UserRow,
    @Arg("vendor", () => Vendor, { nullable: true, description: "Only the account at this vendor." }) vendor: Vendor | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const identities = await ctx.loaders.identitiesByUserId.load(user.id);
    return vendor ? identities.filter((identity) => identity.vendor === vendor) : identities;
  }

  @FieldResolver(() => [Device], { description: "The user's client installations, by vendor and first use." })
  devices(@Root() user: UserRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.devicesByUserId.load(user.id);
  }

  @FieldResolver(() => UsageSeries, {
    description:
      "The user's usage over [from, to). Distinct-user metrics are 0 or 1 per bucket. Ratios are the user's own (as ingested per user; 0 without any), never the organization's.",
  })
  usage(@Root() user: UserRow, @Args(() => UsageArgs) args: UsageArgs, @Ctx() ctx: GraphQLContext) {
    return loadUsage(ctx.loaders, "USER", user.id, user.organizationId, args);
  }
}
