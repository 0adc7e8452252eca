import type { ApolloServerPlugin } from "@apollo/server";
import { context, trace, type Span } from "@opentelemetry/api";
import { defaultFieldResolver, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { GraphQLContext } from "../context.js";
import { endSpan, tracer } from "../http/tracing.js";

/** Fields worth a span of their own besides the root fields: the ones that read the store. */
const NOTABLE_FIELDS = new Set([
  "usage",
  "activeUsers",
  "dailyActiveUsers",
  "deviceStats",
  "workspaceStatistics",
  "statisticsHistory",
  "users",
  "teams",
]);

/** The span of the operation a context is executing (set by the plugin, or by a stored REST operation). */
const OPERATION_SPANS = new WeakMap<object, Span>();

/** Runs `work` as a traced operation of `contextValue` (stored REST operations). */
export async function tracedOperation<T>(contextValue: GraphQLContext, name: string, work: () => Promise<T>): Promise<T> {
  if (!trace.getSpan(context.active())?.isRecording()) return work();
  const span = tracer().startSpan(name, {
    attributes: { "graphql.operation.name": name, "usage_gateway.request_id": contextValue.requestId },
  });
  OPERATION_SPANS.set(contextValue, span);
  try {
    const result = await context.with(trace.setSpan(context.active(), span), work);
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}

/** A span per GraphQL operation over HTTP: its type and name and the request id. */
export function tracingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!trace.getSpan(context.active())?.isRecording()) return;
      let operation: Span | undefined;
      return {
        async didResolveOperation({ operation: node, operationName }) {
          const type = node?.operation ?? "query";
          operation = tracer().startSpan(`${type} ${operationName ?? "anonymous"}`, {
            attributes: {
              "graphql.operation.type": type,
              "graphql.operation.name": operationName ?? "",
              "usage_gateway.request_id": contextValue.requestId,
            },
          });
          OPERATION_SPANS.set(contextValue, operation);
        },
        async willSendResponse({ errors }) {
          if (operation) endSpan(operation, errors?.[0]);
        },
      };
    },
  };
}

/**
 * Gives the root fields and the notable fields of `schema` a span each, child of their operation's
 * span; the SQL they cause nests under them. Only called when tracing is on: untraced gateways keep
 * their resolvers untouched.
 */
export function traceResolvers(schema: GraphQLSchema): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!roots.has(type) && !NOTABLE_FIELDS.has(field.name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, contextValue: GraphQLContext, info) => {
        const operation = OPERATION_SPANS.get(contextValue);
        if (!operation) return resolve(source, args, contextValue, info);
        const span = tracer().startSpan(
          `${info.parentType.name}.${info.fieldName}`,
          { attributes: { "graphql.field.path": pathOf(info) } },
          trace.setSpan(context.active(), operation),
        );
        return context.with(trace.setSpan(context.active(), span), () => {
          try {
            const result = resolve(source, args, contextValue, info);
            if (!(result instanceof Promise)) {
              endSpan(span);
              return result;
            }
            return result.then(
              (value: unknown) => {
                endSpan(span);
                return value;
              },
              (error: unknown) => {
                endSpan(span, error);
                throw error;
              },
            );
          } catch (error) {
            endSpan(span, error);
            throw error;
          }
        });
      };
    }
  }
}

function pathOf(info: GraphQLResolveInfo): string {
  const parts: (string | number)[] = [];
  for (let node: GraphQLResolveInfo["path"] | undefined = info.path; node; node = node.prev) parts.unshift(node.key);
  return parts.join(".");
}
