import { ArgsType, Field, Int } from "type-graphql";
import { Vendor } from "../shared/enums.js";

@ArgsType()
export class CalendarArgs {
  @Field(() => Int, { description: "Year, 1970-9999." })
  year!: number;

  @Field(() => Int, { nullable: true, description: "Month, 1-12: daily points for that month. Omitted: monthly points for the year." })
  month?: number | null;

  @Field(() => Vendor, {
    nullable: true,
    description: "Only this vendor. Omitted: all vendors (active users: the distinct union of people).",
  })
  vendor?: Vendor | null;

  @Field(() => String, {
    nullable: true,
    description:
      "IANA time zone whose calendar days and months are counted (e.g. `Europe/Berlin`). Default: UTC. Zones whole hours from UTC only.",
  })
  timeZone?: string | null;
}
