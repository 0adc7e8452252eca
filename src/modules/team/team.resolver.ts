import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { assertAdministersTeam, canSeeTeam, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import { notFound } from "../../errors.js";
import { Organization } from "../organization/organization.type.js";
import { toConnection } from "../shared/connection.js";
import { UserPageArgs, userPageKey } from "../shared/page.args.js";
import { UserConnection } from "../user/user.connection.js";
import { loadUsage } from "../../usage/usage.service.js";
import { UsageArgs, UsageSeries } from "../usage/usage.type.js";
import { Team, TeamUtilization } from "./team.type.js";

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => Team, {
    nullable: true,
    description: "A team the viewer may see (admins: any team of their organization; others: their own team).",
  })
  async team(@Arg("id", () => ID, { description: "Team id." }) id: string, @Ctx() ctx: GraphQLContext) {
    const viewer = requireViewer(ctx.viewer);
    const team = await ctx.loaders.teamById.load(id);
    if (!team || !canSeeTeam(viewer, team)) throw notFound("team", id, !!team && team.organizationId !== viewer.organizationId);
    return team;
  }

  @FieldResolver(() => Organization, { description: "The team's organization." })
  async organization(@Root() team: Team & { organizationId: string }, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.organizationById.load(team.organizationId))!;
  }

  @FieldResolver(() => Int, { description: "Members of the team (any status, any vendor): users.totalCount without a filter." })
  async usersCount(@Root() team: Team, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.teamCountsByTeamId.load(team.id)).total;
  }

  @FieldResolver(() => TeamUtilization, { description: "Current member counts: registered, deactivated, invited." })
  utilization(@Root() team: Team, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.teamCountsByTeamId.load(team.id);
  }

  @FieldResolver(() => UserConnection, { description: "Members by email. Organization ADMIN or the team's TEAM_ADMIN." })
  async users(@Root() team: Team & { organizationId: string }, @Args(() => UserPageArgs) args: UserPageArgs, @Ctx() ctx: GraphQLContext) {
    assertAdministersTeam(requireViewer(ctx.viewer), team, "listing team members");
    const page = await ctx.loaders.userPage.load(userPageKey("team", team.id, args));
    return toConnection(page);
  }

  @FieldResolver(() => UsageSeries, {
    description:
      "The team's usage over [from, to): sums of events attributed to the team; distinct users of the events attributed to the team (a user counts for the team they were in); ratios only from values ingested for the team itself (0 without any), never the organization's.",
  })
  usage(@Root() team: Team & { organizationId: string }, @Args(() => UsageArgs) args: UsageArgs, @Ctx() ctx: GraphQLContext) {
    assertAdministersTeam(requireViewer(ctx.viewer), team, "team usage");
    return loadUsage(ctx.loaders, "TEAM", team.id, team.organizationId, args);
  }
}
