import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "One interval of a calendar series." })
export class CalendarPoint {
  @Field(() => String, { description: "YYYY-MM-DD for daily points (a month was given), YYYY-MM for monthly points." })
  date!: string;

  @Field(() => Int, { description: "The count in the interval." })
  count!: number;

  @Field(() => [ID], { nullable: true, description: "For active users: the distinct user ids counted." })
  userIds!: string[] | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A per-day (month given) or per-month (year only) series, zero-filled, ascending, UTC, up to the current interval.",
})
export class CalendarSeries {
  @Field(() => Int, { description: "Year of the oldest data of this kind in the organization (the current year when there is none)." })
  minYear!: number;

  @Field(() => Int, { description: "Month (1-12) of the oldest data within minYear." })
  minMonth!: number;

  @Field(() => [CalendarPoint], { description: "The intervals." })
  points!: CalendarPoint[];
}

@ObjectType({ simpleResolvers: true, description: "Users whose last client use fell in one month." })
export class LastUsage {
  @Field(() => Int, { description: "Year." })
  year!: number;

  @Field(() => Int, { description: "Month, 1-12." })
  month!: number;

  @Field(() => Int, { description: "Users whose last use was in this month; each user counts once overall." })
  users!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "One month of Tabnine account utilization (Tabnine's account-utilization page), from the accounts' sign-up, invitation and " +
    "deactivation times. End of month means now for the current month, which is counted so far (not final). Months are 1-based.",
})
export class AccountUtilizationMonth {
  @Field(() => Int, { description: "Year." })
  year!: number;

  @Field(() => Int, { description: "Month, 1-12 (Tabnine's REST API sends it zero-based)." })
  month!: number;

  @Field(() => Int, { description: "Registered users (end of month): signed up and not deactivated." })
  registered!: number;

  @Field(() => Int, { description: "Deactivated users (end of month)." })
  deactivated!: number;

  @Field(() => Int, {
    description: "Registered users (throughout the month): registered at any time during the month, users deactivated by its end included.",
  })
  active!: number;

  @Field(() => Int, { description: "Users with pending invitations (end of month): invited, not signed up." })
  pending!: number;
}
