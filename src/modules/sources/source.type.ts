import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { Vendor } from "../shared/enums.js";

@ObjectType({ description: "A vendor the organization uses, and the state of its data pull. Credentials are never exposed." })
export class Source {
  @Field(() => ID, { description: "Source id." })
  id!: string;

  @Field(() => Vendor, { description: "The vendor." })
  vendor!: Vendor;

  @Field(() => String, { nullable: true, description: "The vendor's id for this tenant (Rocket.Chat uniqueId, Tabnine organization id)." })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: "Base URL of the vendor API the connector pulls from." })
  baseUrl!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "End of the last successful sync." })
  lastSyncAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Error of the last failed sync, if any." })
  lastError!: string | null;
}
