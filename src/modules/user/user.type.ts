import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { Presence, Role, UserKind, UserStatus, Vendor } from "../shared/enums.js";

@ObjectType({ description: "A person (or app) of one organization, with an identity per vendor." })
export class User {
  @Field(() => ID, { description: "Gateway user id (UUID)." })
  id!: string;

  @Field(() => String, { description: "Email, unique across the gateway." })
  email!: string;

  @Field(() => String, { description: "Login name (normally the email)." })
  username!: string;

  @Field(() => String, { description: "Given name." })
  firstName!: string;

  @Field(() => String, { description: "Family name." })
  lastName!: string;

  @Field(() => Role, { description: "Gateway role." })
  role!: Role;

  @Field(() => UserStatus, { description: "Account state." })
  status!: UserStatus;

  @Field(() => Presence, { description: "Chat presence at the last sync." })
  presence!: Presence;

  @Field(() => UserKind, { description: "Human, app or guest account." })
  kind!: UserKind;

  @Field(() => String, { nullable: true, description: "Preferred language, e.g. de or pt-br; null when not set." })
  locale!: string | null;

  @Field(() => Boolean, { description: "Whether the email address is verified." })
  verified!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Last client activity at any vendor." })
  lastActiveAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the account was deactivated." })
  deactivatedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: "When the account was created." })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: "Last change of the account." })
  updatedAt!: Date;
}

@ObjectType({ description: "A user's account at one vendor." })
export class Identity {
  @Field(() => Vendor, { description: "The vendor." })
  vendor!: Vendor;

  @Field(() => String, { description: "The vendor's own user id (Tabnine UUID, Rocket.Chat 17-character id, Teamwire id)." })
  externalId!: string;

  @Field(() => String, { nullable: true, description: "The vendor's role string, e.g. Tabnine TeamLead." })
  vendorRole!: string | null;
}
