import type { GraphQLResolveInfo } from "graphql";
import type { GraphQLResolveInfoWithCacheControl } from "@apollo/cache-control-types";

/**
 * Marks the answer being built as not cacheable, for fields that change without a data write
 * (API tokens' last use). Only Apollo reads the mark: the REST adapters' stored operations must
 * not select such fields (none does).
 */
export function doNotCache(info: GraphQLResolveInfo): void {
  (info as Partial<GraphQLResolveInfoWithCacheControl>).cacheControl?.setCacheHint({ maxAge: 0 });
}
