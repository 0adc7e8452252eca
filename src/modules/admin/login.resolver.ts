import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { loginWithPassword } from "../../auth/login.service.js";
import type { GraphQLContext } from "../../context.js";
import { LoginResult } from "./login.type.js";

@Resolver()
export class LoginResolver {
  @Mutation(() => LoginResult, {
    description: "Exchanges the email and password of a user who has one (admins) for a 12-hour access token. Needs no token.",
  })
  login(
    @Arg("email", () => String, { description: "The user's email." }) email: string,
    @Arg("password", () => String, { description: "The user's password." }) password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return loginWithPassword(ctx.prisma, ctx.jwt, { email, password }, ctx);
  }
}
