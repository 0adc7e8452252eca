import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import type { Vendor as VendorName } from "../../db/generated/enums.js";
import { badInput } from "../../errors.js";
import { parseIsoDay } from "../../sources/days.js";
import { requireSourceRuntime } from "../../sources/registration.service.js";
import { findOrganization, syncOrganization } from "../../sources/sync.service.js";
import { Vendor } from "../shared/enums.js";
import { SyncSummary } from "./sync.type.js";

@Resolver()
export class SourceSyncResolver {
  @Mutation(() => SyncSummary, {
    description:
      "Pulls the organization's registered sources (or one vendor's) now, the same as `usage-gateway sync`: incremental from each source's cursor, " +
      "idempotent, each unit of work in one transaction; failures are recorded on Source.lastError. ADMIN of the organization or SUPERADMIN. " +
      "Runs within the request: for long first syncs prefer the CLI.",
  })
  async syncSource(
    @Arg("organizationId", () => ID, { nullable: true, description: "Organization; default the viewer's. Another one needs SUPERADMIN." })
    organizationId: string | null | undefined,
    @Arg("vendor", () => Vendor, { nullable: true, description: "Only this vendor's source; default every registered source." })
    vendor: VendorName | null | undefined,
    @Arg("since", () => String, {
      nullable: true,
      description: "First UTC day (YYYY-MM-DD) of usage to pull, instead of the stored cursor.",
    })
    since: string | null | undefined,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "Fetch and count only; write nothing." }) dryRun: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SyncSummary> {
    const viewer = requireViewer(ctx.viewer);
    const requested = organizationId ?? viewer.organizationId;
    assertAdministersOrganization(viewer, requested, "syncing sources");
    const organization = await findOrganization(ctx.prisma, requested);
    const sinceDay = since == null ? undefined : parseIsoDay(since);
    if (since != null && !sinceDay) throw badInput("since must be a date YYYY-MM-DD", { argument: "since" });
    const runtime = requireSourceRuntime(ctx.sources);
    return syncOrganization(
      { prisma: ctx.prisma, logger: ctx.logger, credentialsKey: await runtime.credentialsKey(), http: runtime.http, now: runtime.now },
      { organization: organization.id, vendor: vendor ?? undefined, since: sinceDay, dryRun },
    );
  }
}
