import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { GraphQLError, visit, type GraphQLSchema, type ValidationContext } from "graphql";
import { isStoreUnavailable } from "../db/store-failure.js";
import { HTTP_STATUS } from "../errors.js";
import { containsNul } from "../http/request-values.js";
import type { GraphQLContext } from "../context.js";
import type { Logger } from "../logger.js";
import { complexityLimitPlugin } from "./complexity.js";
import { formatError, formatErrorWithoutSuggestions, INTERNAL_MESSAGE, isExpectedError } from "./format-error.js";
import { mutationsReadFromPrimaryPlugin } from "./read-routing.js";
import { tracingPlugin } from "./tracing.js";
import { createAnswerCache, type ResponseCacheSettings } from "./response-cache.js";

export interface GraphQLSettings {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxComplexity: number;
  readonly introspection: boolean;
  readonly responseCache: ResponseCacheSettings;
}

/** Logs unexpected resolver errors with the request id, and puts that id into the masked error. */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isStoreUnavailable(error)) {
              (contextValue?.logger ?? logger).warn({ err: error.originalError ?? error, path: error.path }, "store unavailable");
            } else if (!isExpectedError(error, error.extensions?.code)) {
              (contextValue?.logger ?? logger).error({ err: error.originalError ?? error, path: error.path }, "unexpected GraphQL error");
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !contextValue) return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.message === INTERNAL_MESSAGE) (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}

const REFUSALS = new Set(["RATE_LIMITED", "UNAVAILABLE"]);

/**
 * A request refused by a rate limit (e.g. a locked sign-in) or an outage and nothing else is
 * answered 429 or 503 with Retry-After.
 */
function refusedStatusPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors = [] } = response.body.singleResult;
          const codes = errors.map((error) => error.extensions?.code);
          const refusal = errors.find((error) => error.extensions?.code === "UNAVAILABLE") ?? errors[0];
          // Only when nothing else happened: a mutation that also did something must not be retried whole.
          const nothingDone = !data || Object.values(data).every((value) => value === null);
          if (!refusal || !nothingDone || codes.some((code) => typeof code !== "string" || !REFUSALS.has(code))) return;
          response.http.status = HTTP_STATUS[refusal.extensions?.code as "RATE_LIMITED" | "UNAVAILABLE"];
          const seconds = refusal.extensions?.retryAfterSeconds;
          if (typeof seconds === "number") response.http.headers.set("retry-after", String(seconds));
        },
      };
    },
  };
}

/** Refuses NUL characters in variables and string literals (PostgreSQL text cannot hold them). */
function nulCharacterPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = containsNul(request.variables ?? {});
          if (!found) visit(document, { StringValue: (node) => void (found ||= containsNul(node.value)) });
          if (found) {
            throw new GraphQLError("string arguments must not contain NUL characters", {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

const reportRejection = (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error);

/** Apollo Server over the gateway schema with depth, alias and cost limits, error masking and the response cache. */
export function createApolloServer(schema: GraphQLSchema, limits: GraphQLSettings, logger: Logger): ApolloServer<GraphQLContext> {
  const answers = createAnswerCache(limits.responseCache);
  return new ApolloServer<GraphQLContext>({
    schema,
    stringifyResult: answers.stringifyResult,
    introspection: limits.introspection,
    // Without introspection, "Did you mean …" suggestions would still spell the schema out.
    hideSchemaDetailsFromClientErrors: !limits.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The serve command owns shutdown (drain HTTP, stop Apollo, close the store); Apollo must not
    // re-raise SIGTERM and kill the process mid-drain.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: limits.introspection ? formatError : formatErrorWithoutSuggestions,
    validationRules: [
      // Reported as validation errors (400 GRAPHQL_VALIDATION_FAILED) instead of thrown (a 500).
      maxDepthRule({
        n: limits.maxDepth,
        ignoreIntrospection: true,
        exposeLimits: true,
        propagateOnRejection: false,
        onReject: [reportRejection],
      }),
      maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, propagateOnRejection: false, onReject: [reportRejection] }),
    ],
    plugins: [
      nulCharacterPlugin(),
      complexityLimitPlugin(schema, limits.maxComplexity),
      errorLoggingPlugin(logger),
      refusedStatusPlugin(),
      mutationsReadFromPrimaryPlugin(),
      tracingPlugin(),
      ...answers.plugins,
    ],
  });
}
