import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "An organizational unit (Tabnine team). Teamwire and Rocket.Chat users may belong to none." })
export class Team {
  @Field(() => ID, { description: "Team id (UUID, Tabnine `teamId`)." })
  id!: string;

  @Field(() => String, { description: "Team name, unique in its organization." })
  name!: string;

  @Field(() => Boolean, { description: "Whether this is the organization's default team." })
  isDefault!: boolean;

  @Field(() => GraphQLISODateTime, { description: "When the team was created." })
  createdAt!: Date;
}

@ObjectType({
  description:
    "Current member counts of a team, whatever vendors they use (Tabnine's team utilization counts Tabnine accounts only: users(filter: { vendor: TABNINE, statuses })).",
})
export class TeamUtilization {
  @Field(() => Int, { description: "Signed-up members that are not deactivated." })
  registered!: number;

  @Field(() => Int, { description: "Deactivated members." })
  deactivated!: number;

  @Field(() => Int, { description: "Invited members who have not signed up yet." })
  invited!: number;
}
