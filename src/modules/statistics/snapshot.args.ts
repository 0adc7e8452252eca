import { GraphQLJSONObject } from "graphql-scalars";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../shared/page.args.js";
import { MAX_REGEX_LENGTH } from "../../statistics/snapshot-query.js";

@ArgsType()
export class StatisticsHistoryArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: "Without `sort`: order by time ascending (default: newest first)." })
  oldestFirst!: boolean;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Mongo-style query on the snapshot objects (Rocket.Chat `statistics.list` `query`): plain equality on (dotted) fields, " +
      `\`$or\`, \`$and\`, and \`{"field": {"$regex": "...", "$options": "imsx"}}\` (pattern at most ${MAX_REGEX_LENGTH} characters). ` +
      "Any other operator is BAD_USER_INPUT. Regex queries run under the database statement timeout (PostgreSQL; the embedded store cannot interrupt them).",
  })
  filter?: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Order: fields of the snapshot object with 1 (ascending) or -1 (descending), in priority order, e.g. {"totalUsers": -1, "createdAt": 1}. Ties (and no `sort`): by time, newest first unless `oldestFirst`.',
  })
  sort?: Record<string, unknown> | null;
}

@ArgsType()
export class TakeSnapshotArgs {
  @Field(() => ID, { nullable: true, description: "Organization; default the viewer's. Another one needs SUPERADMIN." })
  organizationId?: string | null;
}
