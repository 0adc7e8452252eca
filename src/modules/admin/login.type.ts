import { Field, GraphQLISODateTime, ObjectType } from "type-graphql";
import { User } from "../user/user.type.js";

@ObjectType({ description: "A gateway access token obtained with email and password." })
export class LoginResult {
  @Field(() => String, { description: "A JWT: send it as `Authorization: Bearer <token>`." })
  token!: string;

  @Field(() => GraphQLISODateTime, { description: "When the token expires (12 hours)." })
  expiresAt!: Date;

  @Field(() => User, { description: "The user the token is for." })
  user!: User;
}
