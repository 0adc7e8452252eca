import { Field, Float, ID, InputType } from "type-graphql";
import { RoomType, UserStatus, Vendor } from "../shared/enums.js";
import { IngestMetric } from "./ingest-metric.enum.js";

@InputType({ description: "A user's account at one vendor, named by the vendor's own user id." })
export class IngestIdentityInput {
  @Field(() => Vendor, { description: "The vendor." }) vendor!: Vendor;
  @Field(() => String, { description: "The vendor's user id, byte-exact (1-200 characters)." }) externalId!: string;
}

@InputType({ description: "One usage event. Its idempotency key makes a replay a no-op." })
export class IngestEventInput {
  @Field(() => String, { description: "Unique per organization (1-200 characters); an event with a known key changes nothing." })
  idempotencyKey!: string;
  @Field(() => ID, { description: "The organization (an ADMIN may only name its own)." }) organizationId!: string;
  @Field(() => ID, { nullable: true, description: "A team of the organization; default: the user's current team." }) teamId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "A user of the organization (or give `identity`; neither for organization-level events).",
  })
  userId?: string | null;
  @Field(() => IngestIdentityInput, { nullable: true, description: "The user by vendor identity, instead of `userId`." })
  identity?: IngestIdentityInput | null;
  @Field(() => Vendor, { description: "The vendor that reported the event; must report the metric." }) vendor!: Vendor;
  @Field(() => IngestMetric, { description: "The metric (aliases accepted, see IngestMetric)." }) metric!: string;
  @Field(() => RoomType, { nullable: true, description: "Rocket.Chat room type, for MESSAGES_SENT only; default NONE." })
  roomType?: RoomType | null;
  @Field(() => String, { description: "When it happened: ISO 8601 with a time zone (e.g. 2025-03-01T10:00:00Z); at most 5 minutes ahead." })
  timestamp!: string;
  @Field(() => Float, { description: "The amount (≥ 0); for *_ACTIVE_USERS a positive activity marker, counted once per user." })
  value!: number;
}

@InputType({ description: "A team to create or rename (by id) before the events are applied." })
export class IngestTeamInput {
  @Field(() => ID, { description: "The organization." }) organizationId!: string;
  @Field(() => ID, { description: "The team id (a UUID the caller chooses for a new team)." }) id!: string;
  @Field(() => String, { description: "Name, unique in the organization." }) name!: string;
}

@InputType({ description: "A user's vendor account declared with the user." })
export class IngestUserIdentityInput extends IngestIdentityInput {
  @Field(() => String, { nullable: true, description: "The vendor's own role string (e.g. Tabnine TeamLead)." }) vendorRole?: string | null;
}

@InputType({ description: "A user to create or update (by email). Omitted fields keep their stored values; role is never changed." })
export class IngestUserInput {
  @Field(() => ID, { description: "The organization." }) organizationId!: string;
  @Field(() => ID, { nullable: true, description: "Id for a new user (a UUID); default generated." }) id?: string | null;
  @Field(() => String, { description: "Email, the user's key." }) email!: string;
  @Field(() => String, { nullable: true, description: "Username; default the email's local part." }) username?: string | null;
  @Field(() => String, { nullable: true, description: "First name." }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: "Last name." }) lastName?: string | null;
  @Field(() => ID, { nullable: true, description: "Team of the organization (existing or in this batch)." }) teamId?: string | null;
  @Field(() => UserStatus, { nullable: true, description: "Account state." }) status?: UserStatus | null;
  @Field(() => String, { nullable: true, description: "Locale, e.g. en-US." }) locale?: string | null;
  @Field(() => [IngestUserIdentityInput], { nullable: true, description: "Vendor accounts; events may name the user by them." })
  identities?: IngestUserIdentityInput[] | null;
}
