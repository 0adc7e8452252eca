import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({
  simpleResolvers: true,
  description: "Devices grouped by the requested discriminator. Fields not part of the grouping are null.",
})
export class DeviceStat {
  @Field(() => String, { nullable: true, description: "Operating system (OS and IS_MANAGED groupings)." })
  os!: string | null;

  @Field(() => String, { nullable: true, description: "OS version (OS grouping with an `os` filter)." })
  osVersion!: string | null;

  @Field(() => String, { nullable: true, description: "Client type (CLIENT and IS_MANAGED groupings)." })
  client!: string | null;

  @Field(() => String, { nullable: true, description: "Client version (CLIENT grouping with a `client` filter)." })
  clientVersion!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Managed flag (IS_MANAGED grouping)." })
  isManaged!: boolean | null;

  @Field(() => String, { nullable: true, description: "Locale (LOCALE grouping)." })
  locale!: string | null;

  @Field(() => Int, { description: "Devices in the group (wiped devices excluded)." })
  total!: number;
}
