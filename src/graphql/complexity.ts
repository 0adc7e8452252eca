import type { ApolloServerPlugin } from "@apollo/server";
import { createRequire } from "node:module";
import { GraphQLError, Kind, type GraphQLSchema } from "graphql";
// The CommonJS build, like the rest of the app, loads graphql's index.js; the package's ESM build
// imports graphql's .mjs files, a second copy of graphql (the dual-package hazard).
import type * as QueryComplexity from "graphql-query-complexity/cjs";
import type { ComplexityEstimator } from "graphql-query-complexity/cjs";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../db/pagination.js";
import { MAX_BUCKETS } from "../usage/resolution.js";

// Loaded with require, not `import x from`: Node makes the default import `module.exports`, but
// vitest honours the build's `__esModule` flag and makes it `exports.default` (createComplexityRule),
// so `simpleEstimator` was undefined under vitest and every operation failed with a 500. Named
// imports fail in Node instead (its CJS lexer misses the `__exportStar` re-exports).
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)("graphql-query-complexity/cjs") as typeof QueryComplexity;

const BUCKET_MS = { HOUR: 3_600_000, DAY: 86_400_000, WEEK: 7 * 86_400_000, MONTH: 28 * 86_400_000 } as const;

/** Buckets a usage series will have (an upper bound); 1 when the arguments are not usable. */
function bucketCount(args: Record<string, unknown>): number {
  const from = Date.parse(String(args.from));
  const to = Date.parse(String(args.to));
  const size = BUCKET_MS[args.resolution as keyof typeof BUCKET_MS];
  if (!size || Number.isNaN(from) || Number.isNaN(to) || to <= from) return 1;
  return Math.min(MAX_BUCKETS, Math.ceil((to - from) / size) + 1);
}

/**
 * A connection costs its page size (clamped to the allowed 1..MAX_PAGE_SIZE) times its children.
 * A usage series costs 10, and when its `points` are selected, its bucket count times its children.
 */
const pageEstimator: ComplexityEstimator = ({ args, field, node, childComplexity }) => {
  if (field.name === "usage") {
    const selectsPoints = node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "points") ?? false;
    return 10 + (selectsPoints ? bucketCount(args) : 1) * childComplexity;
  }
  if ("first" in args || field.type.toString().endsWith("Connection!")) {
    const first = typeof args.first === "number" ? Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    return 1 + first * childComplexity;
  }
  return undefined;
};

/**
 * Rejects operations whose estimated cost exceeds `maximum` before anything runs, with
 * BAD_USER_INPUT and the cost and limit in `extensions`.
 */
export function complexityLimitPlugin(schema: GraphQLSchema, maximum: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // No such operation (an unknown operationName): Apollo answers OPERATION_RESOLUTION_FAILURE itself.
          if (!operation) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Cost needs the variables: a variable of the wrong type fails here first. Only graphql-js's
            // own messages are written for the caller; anything else is the library's.
            const message = error instanceof GraphQLError ? error.message : "the variables do not fit the operation";
            throw new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
          }
          if (cost > maximum) {
            throw new GraphQLError(`query cost ${cost} exceeds the limit of ${maximum}; ask for smaller pages or fewer fields`, {
              extensions: { code: "BAD_USER_INPUT", cost, maxCost: maximum, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
