import { Field, ID, Int, ObjectType } from "type-graphql";
import { Vendor } from "../shared/enums.js";

@ObjectType({
  description: "What the sync of one source did. Counts are records: teams, users, licenses, organization settings and usage events.",
})
export class SourceSyncSummary {
  @Field(() => Vendor, { description: "The source's vendor." }) vendor!: Vendor;
  @Field(() => ID, { description: "The source." }) sourceId!: string;
  @Field(() => Int, { description: "Records read from the vendor." }) fetched!: number;
  @Field(() => Int, { description: "Records the store did not have (in a dry run: would not have had)." }) created!: number;
  @Field(() => Int, { description: "Records the store had with other values." }) updated!: number;
  @Field(() => Int, { description: "Records the store already had as they are (replays)." }) skipped!: number;
  @Field(() => Int, { description: "Failed units of work (nothing of them written) plus records the store refused." }) failed!: number;
  @Field(() => Int, { description: "Units of work committed (directory, one user's usage window, ...)." }) unitsCommitted!: number;
  @Field(() => Int, { description: "Units of work that failed; they are retried by the next sync." }) unitsFailed!: number;
  @Field(() => [String], { description: "One line per failed unit or refused record (also in Source.lastError)." }) errors!: string[];
}

@ObjectType({ description: "What a sync did, over all the sources it pulled." })
export class SyncSummary {
  @Field(() => ID, { description: "The organization synced." }) organizationId!: string;
  @Field(() => Boolean, { description: "Whether this was a dry run (fetched and counted, nothing written)." }) dryRun!: boolean;
  @Field(() => Int, { description: "Records read from the vendors." }) fetched!: number;
  @Field(() => Int, { description: "Records created." }) created!: number;
  @Field(() => Int, { description: "Records updated." }) updated!: number;
  @Field(() => Int, { description: "Records unchanged (already stored)." }) skipped!: number;
  @Field(() => Int, { description: "Failed units of work plus refused records." }) failed!: number;
  @Field(() => [SourceSyncSummary], { description: "Per source, in vendor order." }) sources!: SourceSyncSummary[];
}
