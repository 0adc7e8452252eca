import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { Vendor } from "../shared/enums.js";

@ObjectType({ description: "A client installation of a user at one vendor." })
export class Device {
  @Field(() => ID, { description: "Device id." })
  id!: string;

  @Field(() => Vendor, { description: "The vendor whose client this is." })
  vendor!: Vendor;

  @Field(() => String, { description: "Operating system as the vendor reports it (not normalized)." })
  os!: string;

  @Field(() => String, { description: "Operating system version." })
  osVersion!: string;

  @Field(() => String, { description: "Client type, e.g. Desktop, Rocket.Chat Mobile, VS Code." })
  client!: string;

  @Field(() => String, { description: "Client version." })
  clientVersion!: string;

  @Field(() => Boolean, { description: "Whether the device is managed (MDM)." })
  managed!: boolean;

  @Field(() => String, { description: "Device locale." })
  locale!: string;

  @Field(() => GraphQLISODateTime, { description: "First activity of the device." })
  firstSeenAt!: Date;

  @Field(() => GraphQLISODateTime, { description: "Last activity of the device." })
  lastSeenAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: "When the device was wiped; wiped devices are not counted in statistics.",
  })
  wipedAt!: Date | null;
}
