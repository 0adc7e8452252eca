import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { GraphQLResolveInfoWithCacheControl } from "@apollo/cache-control-types";
import { createHash } from "node:crypto";
import { getOperationAST, print, type DocumentNode, type ExecutionResult, type GraphQLResolveInfo } from "graphql";
import type { Viewer } from "../auth/viewer.js";
import { dataVersionOf } from "../db/data-version.js";
import type { GraphQLContext } from "../context.js";

export interface ResponseCacheSettings {
  /** How long a cached answer may be served, in seconds; 0 turns the cache off. */
  readonly ttlSeconds: number;
  /** Memory the cached answers may take, in bytes (least recently used go first). */
  readonly maxBytes: number;
}

/**
 * Caches whole query answers in this process (the REST adapters use createOperationCache). An answer is keyed on the query, its variables,
 * the viewer (user, role, team, organization) and the data version of what that viewer can see,
 * which every write raises: an answer is never served after the data behind it changed, and the
 * TTL bounds how long answers that depend on the clock ("this month", last-used stamps) live.
 * Authentication and the query limits still run on every request; answers with errors, and
 * mutations, are never cached.
 */
export function responseCachePlugins(settings: ResponseCacheSettings): ApolloServerPlugin<GraphQLContext>[] {
  // Apollo adds its cache-control plugin with max age 0 when none is given, which caches nothing.
  const cacheControl = ApolloServerPluginCacheControl({ defaultMaxAge: settings.ttlSeconds, calculateHttpHeaders: false });
  if (settings.ttlSeconds === 0) return [cacheControl];
  const cache = new InMemoryLRUCache<string>({ maxSize: settings.maxBytes, sizeCalculation: InMemoryLRUCache.sizeCalculation });
  return [
    cacheControl,
    responseCachePlugin<GraphQLContext>({
      cache,
      // The viewer is part of every key below, so "public" answers are still per viewer.
      sessionId: async () => null,
      extraCacheKeyData: async ({ contextValue }) => answerScope(contextValue),
    }),
  ];
}

/**
 * What an answer depends on besides the operation and its variables: the viewer (user, role,
 * team, organization) and the data version of what that viewer can see (a SUPERADMIN: every
 * organization).
 */
export async function answerScope({ viewer, prisma }: Pick<GraphQLContext, "viewer" | "prisma">): Promise<{ viewer: Viewer | null; dataVersion?: string }> {
  if (!viewer) return { viewer: null };
  return { viewer, dataVersion: await dataVersionOf(prisma, viewer.role === "SUPERADMIN" ? null : viewer.organizationId) };
}

/** Results of stored operations (the REST adapters), kept under the same rules as GraphQL answers. */
export interface OperationCache {
  /** The cached result of a query operation, or runs `execute` and keeps its result when it has no errors. */
  resolve(context: GraphQLContext, document: DocumentNode, variables: Record<string, unknown>, execute: () => Promise<ExecutionResult>): Promise<ExecutionResult>;
}

/** An operation cache with `settings`, or null when the TTL is 0. */
export function createOperationCache(settings: ResponseCacheSettings): OperationCache | null {
  if (settings.ttlSeconds === 0) return null;
  const cache = new InMemoryLRUCache<string>({ maxSize: settings.maxBytes, sizeCalculation: InMemoryLRUCache.sizeCalculation });
  return {
    async resolve(context, document, variables, execute) {
      const operation = getOperationAST(document);
      if (operation?.operation !== "query" || !context.viewer) return execute();
      const key = createHash("sha256")
        .update(JSON.stringify({ operation: print(document), variables, scope: await answerScope(context) }))
        .digest("hex");
      const cached = await cache.get(key);
      if (cached !== undefined) return { data: JSON.parse(cached) as Record<string, unknown> };
      const result = await execute();
      if (!result.errors && result.data) await cache.set(key, JSON.stringify(result.data), { ttl: settings.ttlSeconds });
      return result;
    },
  };
}

/**
 * Marks the answer being built as not cacheable, for fields that change without a data write
 * (API tokens' last use). Only Apollo reads the mark: the REST adapters' stored operations must
 * not select such fields (none does).
 */
export function doNotCache(info: GraphQLResolveInfo): void {
  (info as Partial<GraphQLResolveInfoWithCacheControl>).cacheControl?.setCacheHint({ maxAge: 0 });
}
