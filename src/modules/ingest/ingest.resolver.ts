import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { ingestBatch } from "../../ingest/ingest.service.js";
import { IngestBatchInput, IngestResult } from "./ingest.type.js";

/** Input objects → plain JSON, so the mutation runs exactly the validation POST /ingest runs. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResult, {
    description:
      "Stores a batch of usage events (and optional team, user and device upserts), the same as POST /ingest. " +
      "Needs ADMIN (own organization) or SUPERADMIN. Replayed events (known idempotency keys) change nothing. " +
      "Large batches: prefer POST /ingest (NDJSON, its own body limit); /graphql bodies are limited to 1 MB.",
  })
  ingestUsage(
    @Arg("input", () => IngestBatchInput, { description: "The batch." }) input: IngestBatchInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IngestResult> {
    return ingestBatch(ctx.prisma, ctx.viewer, plain(input), ctx.ingest);
  }
}
