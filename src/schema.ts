import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AdminResolver } from "./modules/admin/admin.resolver.js";
import { LoginResolver } from "./modules/admin/login.resolver.js";
import { IngestResolver } from "./modules/ingest/ingest.resolver.js";
import { OrganizationResolver } from "./modules/organization/organization.resolver.js";
import { SourceResolver } from "./modules/sources/source.resolver.js";
import { SourceSyncResolver } from "./modules/sources/sync.resolver.js";
import { StatisticsSnapshotResolver } from "./modules/statistics/snapshot.resolver.js";
import { OrganizationStatisticsResolver } from "./modules/statistics/statistics.resolver.js";
import { TeamResolver } from "./modules/team/team.resolver.js";
import { nullForOmittedArguments } from "./modules/shared/omitted-arguments.js";
import { UsageSeriesResolver } from "./modules/usage/usage.resolver.js";
import { UserResolver } from "./modules/user/user.resolver.js";

export const RESOLVERS = [
  OrganizationResolver,
  OrganizationStatisticsResolver,
  StatisticsSnapshotResolver,
  TeamResolver,
  UserResolver,
  UsageSeriesResolver,
  AdminResolver,
  LoginResolver,
  IngestResolver,
  SourceResolver,
  SourceSyncResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The gateway's GraphQL schema (built once per process; type-graphql metadata is global). */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: false }).then((schema) => {
    // type-graphql gives the root types no description; the schema is the client documentation.
    schema.getQueryType()!.description =
      "Reads. Every field needs `Authorization: Bearer <token>` (a gateway JWT or API token); results are limited to what the token's user may see.";
    schema.getMutationType()!.description =
      "Login (email and password → token) and admin actions: API tokens, vendor sources and usage ingestion.";
    return nullForOmittedArguments(schema);
  });
  return built;
}

/** The schema as SDL, sorted so that `schema.graphql` diffs stay readable. */
export async function schemaSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildGraphQLSchema())) + "\n";
}
