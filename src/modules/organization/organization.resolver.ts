import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import type { GraphQLContext } from "../../context.js";
import { pageRequest } from "../../db/pagination.js";
import { toConnection } from "../shared/connection.js";
import { TeamOrder, Vendor } from "../shared/enums.js";
import { PageArgs, UserPageArgs, userPageKey } from "../shared/page.args.js";
import { Source } from "../sources/source.type.js";
import { TeamConnection } from "../team/team.connection.js";
import { UsageArgs, UsageSeries } from "../usage/usage.type.js";
import { loadUsage } from "../../usage/usage.service.js";
import { UserConnection } from "../user/user.connection.js";
import { findOrganization, findOrganizationByNumber, listOrganizations } from "./organization.service.js";
import { OrganizationConnection } from "./organization.connection.js";
import { License, Organization } from "./organization.type.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    nullable: true,
    description:
      "An organization, by `id` or by `number`: the viewer's own when both are omitted. Another organization is NOT_FOUND unless the viewer is a SUPERADMIN.",
  })
  organization(
    @Arg("id", () => ID, { nullable: true, description: "Organization id." }) id: string | null,
    @Arg("number", () => Int, { nullable: true, description: "Organization number (Teamwire `organisation_id`). Not together with `id`." })
    number: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return number === null || number === undefined
      ? findOrganization(ctx.viewer, ctx.loaders, id)
      : findOrganizationByNumber(ctx.viewer, ctx.prisma, ctx.loaders, id, number);
  }

  @Query(() => OrganizationConnection, { description: "Every organization, ordered by name. SUPERADMIN only." })
  async organizations(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listOrganizations(ctx.viewer, ctx.prisma, args));
  }

  @FieldResolver(() => [Source], {
    description: "The vendors the organization uses, with their sync state. ADMIN of the organization or SUPERADMIN.",
  })
  sources(@Root() organization: Organization, @Ctx() ctx: GraphQLContext) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, "sources");
    return ctx.loaders.sourcesByOrganizationId.load(organization.id);
  }

  @FieldResolver(() => [License], {
    description: "Vendor licenses (Teamwire license count, Tabnine license). ADMIN of the organization or SUPERADMIN.",
  })
  async licenses(
    @Root() organization: Organization,
    @Arg("vendor", () => Vendor, { nullable: true, description: "Only this vendor's license." }) vendor: Vendor | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, "licenses");
    const licenses = await ctx.loaders.licensesByOrganizationId.load(organization.id);
    return vendor ? licenses.filter((license) => license.vendor === vendor) : licenses;
  }

  @FieldResolver(() => TeamConnection, {
    description: "Teams, by name unless `orderBy` says otherwise. ADMIN of the organization or SUPERADMIN.",
  })
  async teams(
    @Root() organization: Organization,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("orderBy", () => TeamOrder, { defaultValue: TeamOrder.NAME, description: "Order of the teams (then by id)." }) orderBy: TeamOrder,
    @Ctx() ctx: GraphQLContext,
  ) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, "listing teams");
    const request = pageRequest(args.first, args.after, args.offset);
    const page = await ctx.loaders.teamPage.load({ organizationId: organization.id, order: orderBy, ...request });
    return toConnection(page);
  }

  @FieldResolver(() => UserConnection, { description: "Users by email, optionally filtered. ADMIN of the organization or SUPERADMIN." })
  async users(@Root() organization: Organization, @Args(() => UserPageArgs) args: UserPageArgs, @Ctx() ctx: GraphQLContext) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, "listing users");
    const page = await ctx.loaders.userPage.load(userPageKey("organization", organization.id, args));
    return toConnection(page);
  }

  @FieldResolver(() => UsageSeries, { description: "The organization's usage over [from, to). ADMIN of the organization or SUPERADMIN." })
  usage(@Root() organization: Organization, @Args(() => UsageArgs) args: UsageArgs, @Ctx() ctx: GraphQLContext) {
    assertAdministersOrganization(requireViewer(ctx.viewer), organization.id, "organization usage");
    return loadUsage(ctx.loaders, "ORGANIZATION", organization.id, organization.id, args);
  }
}
