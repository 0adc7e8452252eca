import { Args, Ctx, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import { notFound } from "../../errors.js";
import { isUuid } from "../../ids.js";
import { Organization } from "../organization/organization.type.js";
import { Connection, toConnection } from "../shared/connection.js";
import { takeStatisticsSnapshot } from "./rocketchat-live.service.js";
import { StatisticsHistoryArgs, TakeSnapshotArgs } from "./snapshot.args.js";
import { statisticsHistory } from "./snapshot-history.service.js";
import { StatisticsSnapshot } from "./workspace-statistics.type.js";

@ObjectType({ description: "A page of stored statistics snapshots." })
export class StatisticsSnapshotConnection extends Connection(StatisticsSnapshot, "StatisticsSnapshot") {}

/** Stored workspace statistics snapshots (Rocket.Chat `statistics` objects): reading and taking them. ADMIN or SUPERADMIN. */
@Resolver(() => Organization)
export class StatisticsSnapshotResolver {
  @FieldResolver(() => StatisticsSnapshotConnection, {
    description: "Stored workspace statistics snapshots: newest first unless `oldestFirst`, or filtered and sorted like Rocket.Chat `statistics.list`. `first: 1` is the latest.",
  })
  async statisticsHistory(@Root() organization: Organization, @Args(() => StatisticsHistoryArgs) args: StatisticsHistoryArgs, @Ctx() ctx: GraphQLContext) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, "statistics history");
    return toConnection(await statisticsHistory(ctx.prisma, organization.id, args));
  }

  @Mutation(() => StatisticsSnapshot, {
    description:
      "Computes the organization's Rocket.Chat statistics object now from the store (workspace-only values from its Rocket.Chat source and latest snapshot), stores it as a new snapshot and returns it. ADMIN of the organization or SUPERADMIN.",
  })
  async takeStatisticsSnapshot(@Args(() => TakeSnapshotArgs) args: TakeSnapshotArgs, @Ctx() ctx: GraphQLContext) {
    const viewer = requireViewer(ctx.viewer);
    const organizationId = args.organizationId ?? viewer.organizationId;
    assertAdministersOrganization(viewer, organizationId, "taking a statistics snapshot");
    if (!isUuid(organizationId) || !(await ctx.loaders.organizationById.load(organizationId))) throw notFound("organization", organizationId);
    return takeStatisticsSnapshot(ctx.prisma, organizationId);
  }
}
