import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import { issueViewerApiToken, listApiTokens, MAX_TOKEN_DAYS, revokeApiToken } from "../../auth/api-tokens.service.js";
import type { GraphQLContext } from "../../context.js";
import { doNotCache } from "../shared/cache-hints.js";
import { ApiToken, IssuedApiToken } from "./api-token.type.js";

/** The viewer's gateway API tokens. */
@Resolver()
export class AdminResolver {
  @Query(() => [ApiToken], { description: "The viewer's API tokens, newest first." })
  apiTokens(@Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const tokens = listApiTokens(ctx.viewer, ctx.prisma);
    doNotCache(info); // lastUsedAt moves with every use of a token
    return tokens;
  }

  @Mutation(() => IssuedApiToken, { description: "Issues an API token for the viewer." })
  issueApiToken(
    @Arg("name", () => String, { description: "A label, 1-100 characters." }) name: string,
    @Arg("expiresInDays", () => Int, { nullable: true, description: `Lifetime in days, 1-${MAX_TOKEN_DAYS}; omitted: no expiry.` })
    expiresInDays: number | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return issueViewerApiToken(ctx.viewer, ctx.prisma, { name, expiresInDays: expiresInDays ?? null });
  }

  @Mutation(() => ApiToken, { description: "Revokes an API token: the viewer's own, or any of the organization's for an ADMIN." })
  revokeApiToken(@Arg("id", () => ID, { description: "Token id." }) id: string, @Ctx() ctx: GraphQLContext) {
    return revokeApiToken(ctx.viewer, ctx.prisma, id);
  }
}
