import { Field, InputType, Int, ObjectType } from "type-graphql";
import { IngestDeviceInput } from "./ingest-device.input.js";
import { IngestOrganizationInput } from "./ingest-organization.input.js";
import { IngestEventInput, IngestTeamInput, IngestUserInput } from "./ingest.input.js";

@InputType({
  description:
    "A batch for ingestUsage, validated whole and applied in one transaction (directory records first, then events and rollups). " +
    "An invalid batch writes nothing and fails with BAD_USER_INPUT, listing every problem in `extensions.problems` ({ list, index, field, reason }).",
})
export class IngestBatchInput {
  @Field(() => [IngestEventInput], { description: "Usage events (at most INGEST_MAX_EVENTS)." }) events!: IngestEventInput[];
  @Field(() => [IngestOrganizationInput], { nullable: true, description: "Organization settings to change (privacy mode)." })
  organizations?: IngestOrganizationInput[] | null;
  @Field(() => [IngestTeamInput], { nullable: true, description: "Teams to create or rename." }) teams?: IngestTeamInput[] | null;
  @Field(() => [IngestUserInput], { nullable: true, description: "Users (with identities) to create or update." }) users?:
    IngestUserInput[] | null;
  @Field(() => [IngestDeviceInput], { nullable: true, description: "Devices to create or update." }) devices?: IngestDeviceInput[] | null;
}

@ObjectType({ description: "What an accepted batch did (the same fields as the POST /ingest response)." })
export class IngestResult {
  @Field(() => Int, { description: "Events in the batch." }) received!: number;
  @Field(() => Int, { description: "Events stored now and added to the rollups." }) inserted!: number;
  @Field(() => Int, { description: "Events skipped: their idempotency key was already stored (or repeated in the batch)." })
  duplicates!: number;
}
