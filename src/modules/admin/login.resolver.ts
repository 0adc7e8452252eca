import { Arg, Ctx, Field, GraphQLISODateTime, Mutation, ObjectType, Resolver } from "type-graphql";
import { signAccessToken } from "../../auth/jwt.js";
import { hashPassword, verifyPassword } from "../../auth/password.js";
import type { GraphQLContext } from "../../context.js";
import { unauthenticated } from "../../errors.js";
import { User } from "../user/user.type.js";

const SESSION_SECONDS = 12 * 3_600;
// Compared against when the email is unknown, so both failures cost the same scrypt work.
const DECOY_HASH = hashPassword("decoy-password");

@ObjectType({ description: "A gateway access token obtained with email and password." })
export class LoginResult {
  @Field(() => String, { description: "A JWT: send it as `Authorization: Bearer <token>`." })
  token!: string;

  @Field(() => GraphQLISODateTime, { description: "When the token expires (12 hours)." })
  expiresAt!: Date;

  @Field(() => User, { description: "The user the token is for." })
  user!: User;
}

@Resolver()
export class LoginResolver {
  @Mutation(() => LoginResult, {
    description: "Exchanges the email and password of a user who has one (admins) for a 12-hour access token. Needs no token.",
  })
  async login(
    @Arg("email", () => String, { description: "The user's email." }) email: string,
    @Arg("password", () => String, { description: "The user's password." }) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LoginResult> {
    const user = await ctx.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    // Users without a password (and unknown emails) are checked against a decoy hash so that every
    // failure costs the same; they are refused whatever the decoy's password is.
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!matches || !user?.passwordHash || user.status !== "REGISTERED") throw unauthenticated("the email or password is wrong");
    const token = signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, ctx.jwt, SESSION_SECONDS);
    return { token, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1_000), user: user as unknown as User };
  }
}
