import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "The distinct active users of one UTC calendar day." })
export class DailyActiveUsers {
  @Field(() => Int, { description: "Year." }) year!: number;
  @Field(() => Int, { description: "Month, 1-12." }) month!: number;
  @Field(() => Int, { description: "Day of the month, 1-31." }) day!: number;
  @Field(() => Int, { description: "Distinct users active that day." }) count!: number;
  @Field(() => [ID], { description: "Their gateway user ids, sorted." }) userIds!: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      "With a vendor: their ids at that vendor (Identity.externalId, e.g. Rocket.Chat user ids), sorted; users without such an identity are left out. Null without a vendor.",
  })
  vendorUserIds!: string[] | null;
}
