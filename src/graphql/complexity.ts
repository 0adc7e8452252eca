import type { ApolloServerPlugin } from "@apollo/server";
import { createRequire } from "node:module";
import { GraphQLError, type GraphQLSchema } from "graphql";
// The CommonJS build, like the rest of the app, loads graphql's index.js; the package's ESM build
// imports graphql's .mjs files, a second copy of graphql (the dual-package hazard).
import type * as QueryComplexity from "graphql-query-complexity/cjs";
import type { ComplexityEstimator } from "graphql-query-complexity/cjs";
import { DEFAULT_PAGE_SIZE } from "../loaders/pagination.js";

// Loaded with require, not `import x from`: Node makes the default import `module.exports`, but
// vitest honours the build's `__esModule` flag and makes it `exports.default` (createComplexityRule),
// so `simpleEstimator` was undefined under vitest and every operation failed with a 500. Named
// imports fail in Node instead (its CJS lexer misses the `__exportStar` re-exports).
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)("graphql-query-complexity/cjs") as typeof QueryComplexity;

/** A connection costs its page size times its children; a usage series costs 10. */
const pageEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (field.name === "usage") return 10 + childComplexity;
  if ("first" in args || field.type.toString().endsWith("Connection!")) {
    const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
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
        async didResolveOperation({ request, document }) {
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
            // Cost needs the variables: a variable of the wrong type fails here first.
            throw new GraphQLError((error as Error).message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
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
