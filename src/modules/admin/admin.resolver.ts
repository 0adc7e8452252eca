import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Info, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { touchOrganizations } from "../../db/data-version.js";
import { doNotCache } from "../../graphql/response-cache.js";
import { assertAdministersOrganization, requireViewer } from "../../auth/access.js";
import { issueApiToken } from "../../auth/api-token.js";
import type { GraphQLContext } from "../../context.js";
import { badInput, notFound } from "../../errors.js";
import { isUuid } from "../../ids.js";
import { Source } from "../organization/organization.type.js";
import { SourceCredentialsInput } from "../sources/source-credentials.input.js";
import { storeableCredentials } from "../sources/source-credentials.js";
import { Vendor } from "../shared/enums.js";

const MAX_TOKEN_DAYS = 3_650;

@ObjectType({ description: "A gateway API token. The secret is shown only once, when issued; the gateway keeps its SHA-256 hash." })
export class ApiToken {
  @Field(() => ID, { description: "Token id." }) id!: string;
  @Field(() => String, { description: "Label given when issued." }) name!: string;
  @Field(() => String, { description: "First characters of the token, to tell tokens apart." }) prefix!: string;
  @Field(() => GraphQLISODateTime, { description: "When it was issued." }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it expires; null for never." }) expiresAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "Last use (to the minute)." }) lastUsedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it was revoked." }) revokedAt!: Date | null;
}

@ObjectType({ description: "A newly issued API token with its secret." })
export class IssuedApiToken {
  @Field(() => String, { description: "The secret: send it as `Authorization: Bearer <token>` (or Rocket.Chat `X-Auth-Token`). Shown only now." })
  token!: string;

  @Field(() => ApiToken, { description: "The stored token." })
  apiToken!: ApiToken;
}

@InputType({ description: "A vendor the organization uses, for the pull connector." })
export class RegisterSourceInput {
  @Field(() => ID, { nullable: true, description: "Organization; default the viewer's. Another one needs SUPERADMIN." })
  organizationId?: string | null;

  @Field(() => Vendor, { description: "The vendor." })
  vendor!: Vendor;

  @Field(() => String, { description: "Base URL of the vendor API, http(s)." })
  baseUrl!: string;

  @Field(() => String, { nullable: true, description: "The vendor's id for the tenant." })
  externalId?: string | null;

  @Field(() => SourceCredentialsInput, { nullable: true, description: "Credentials for the pull connector, stored encrypted; omitted: the stored ones are kept." })
  credentials?: SourceCredentialsInput | null;
}

@Resolver()
export class AdminResolver {
  @Query(() => [ApiToken], { description: "The viewer's API tokens, newest first." })
  apiTokens(@Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const viewer = requireViewer(ctx.viewer);
    doNotCache(info); // lastUsedAt moves with every use of a token
    return ctx.prisma.apiToken.findMany({ where: { userId: viewer.userId }, orderBy: { createdAt: "desc" } });
  }

  @Mutation(() => IssuedApiToken, { description: "Issues an API token for the viewer." })
  async issueApiToken(
    @Arg("name", () => String, { description: "A label, 1-100 characters." }) name: string,
    @Arg("expiresInDays", () => Int, { nullable: true, description: `Lifetime in days, 1-${MAX_TOKEN_DAYS}; omitted: no expiry.` }) days: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const viewer = requireViewer(ctx.viewer);
    if (name.trim().length < 1 || name.length > 100) throw badInput("name must be 1 to 100 characters", { argument: "name" });
    if (days !== null && (days < 1 || days > MAX_TOKEN_DAYS)) throw badInput(`expiresInDays must be between 1 and ${MAX_TOKEN_DAYS}`, { argument: "expiresInDays" });
    const issued = await issueApiToken(ctx.prisma, { id: viewer.userId, organizationId: viewer.organizationId }, {
      name: name.trim(),
      ttlSeconds: days === null ? undefined : days * 86_400,
    });
    return { token: issued.token, apiToken: await ctx.prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } }) };
  }

  @Mutation(() => ApiToken, { description: "Revokes an API token: the viewer's own, or any of the organization's for an ADMIN." })
  async revokeApiToken(@Arg("id", () => ID, { description: "Token id." }) id: string, @Ctx() ctx: GraphQLContext) {
    const viewer = requireViewer(ctx.viewer);
    const token = isUuid(id) ? await ctx.prisma.apiToken.findUnique({ where: { id } }) : null;
    if (!token) throw notFound("API token", id);
    if (token.userId !== viewer.userId) {
      try {
        assertAdministersOrganization(viewer, token.organizationId, "revoking another user's token");
      } catch {
        throw notFound("API token", id);
      }
    }
    return ctx.prisma.apiToken.update({ where: { id }, data: { revokedAt: token.revokedAt ?? new Date() } });
  }

  @Mutation(() => Source, { description: "Registers (or updates) the organization's source for a vendor. ADMIN of the organization." })
  async registerSource(@Arg("input", () => RegisterSourceInput, { description: "The source." }) input: RegisterSourceInput, @Ctx() ctx: GraphQLContext) {
    const viewer = requireViewer(ctx.viewer);
    const organizationId = input.organizationId ?? viewer.organizationId;
    assertAdministersOrganization(viewer, organizationId, "registering a source");
    if (!isUuid(organizationId) || !(await ctx.loaders.organizationById.load(organizationId))) throw notFound("organization", organizationId);
    let url: URL;
    try {
      url = new URL(input.baseUrl);
    } catch {
      throw badInput("baseUrl must be an absolute http(s) URL", { argument: "baseUrl" });
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw badInput("baseUrl must be an absolute http(s) URL", { argument: "baseUrl" });
    const data = {
      baseUrl: url.toString().replace(/\/$/, ""),
      externalId: input.externalId ?? null,
      ...(input.credentials ? { encryptedCredentials: await storeableCredentials(ctx, organizationId, input.vendor, input.credentials) } : {}),
    };
    return ctx.prisma.$transaction(async (tx) => {
      const source = await tx.source.upsert({
        where: { organizationId_vendor: { organizationId, vendor: input.vendor } },
        create: { organizationId, vendor: input.vendor, ...data },
        update: data,
      });
      await touchOrganizations(tx, [organizationId]);
      return source;
    });
  }
}
