import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import { Organization } from "../organization/organization.type.js";
import { toConnection } from "../shared/connection.js";
import { takeStatisticsSnapshot } from "./rocketchat-live.service.js";
import { StatisticsHistoryArgs, TakeSnapshotArgs } from "./snapshot.args.js";
import { statisticsHistory } from "../../statistics/snapshot-history.service.js";
import { StatisticsSnapshotConnection } from "./statistics-snapshot.connection.js";
import { StatisticsSnapshot } from "./workspace-statistics.type.js";

/** Stored workspace statistics snapshots (Rocket.Chat `statistics` objects): reading and taking them. ADMIN or SUPERADMIN. */
@Resolver(() => Organization)
export class StatisticsSnapshotResolver {
  @FieldResolver(() => StatisticsSnapshotConnection, {
    description:
      "Stored workspace statistics snapshots: newest first unless `oldestFirst`, or filtered and sorted like Rocket.Chat `statistics.list`. `first: 1` is the latest.",
  })
  async statisticsHistory(
    @Root() organization: Organization,
    @Args(() => StatisticsHistoryArgs) args: StatisticsHistoryArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, "statistics history");
    return toConnection(await statisticsHistory(ctx.loaders, organization.id, args));
  }

  @Mutation(() => StatisticsSnapshot, {
    description:
      "Computes the organization's Rocket.Chat statistics object now from the store (workspace-only values from its Rocket.Chat source and latest snapshot), stores it as a new snapshot and returns it. ADMIN of the organization or SUPERADMIN.",
  })
  takeStatisticsSnapshot(@Args(() => TakeSnapshotArgs) args: TakeSnapshotArgs, @Ctx() ctx: GraphQLContext) {
    return takeStatisticsSnapshot(ctx, args.organizationId);
  }
}
