import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";

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
  @Field(() => String, {
    description: "The secret: send it as `Authorization: Bearer <token>` (or Rocket.Chat `X-Auth-Token`). Shown only now.",
  })
  token!: string;

  @Field(() => ApiToken, { description: "The stored token." })
  apiToken!: ApiToken;
}
