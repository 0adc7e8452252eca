import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { execute, getOperationAST, Kind, OperationTypeNode, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import type { GraphQLContext } from "../context.js";
import { isStoreUnavailable, storeUnavailable } from "../db/store-failure.js";
import { DomainError } from "../errors.js";
import type { OperationCache } from "../graphql/response-cache.js";
import { tracedOperation } from "../graphql/tracing.js";

/** Runs stored operations for one REST request: the gateway schema, the request's own context. */
export type OperationRunner = <R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V) => Promise<R>;

/**
 * Validates every operation document of a generated operations module (`__generated__/operations.ts`)
 * against the running schema, so a schema change that breaks a surface built on stored operations
 * fails at start-up rather than on a client's request.
 */
export function assertOperationsValid(schema: GraphQLSchema, operations: Record<string, unknown>, surface: string): void {
  const documents = Object.entries(operations).filter(
    (entry): entry is [string, DocumentNode] =>
      (entry[1] as DocumentNode | undefined)?.kind === Kind.DOCUMENT &&
      (entry[1] as DocumentNode).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION),
  );
  const problems = documents.flatMap(([name, document]) => validate(schema, document).map((error) => `${name}: ${error.message}`));
  if (problems.length > 0) throw new Error(`stored ${surface} operations do not match the schema:\n${problems.join("\n")}`);
}

/** An operation failed for a reason that is not the caller's: masked as 500 by the vendor adapter. */
export class OperationFailure extends Error {
  override readonly name = "OperationFailure";
}

/**
 * Executes a stored operation in-process against the same schema and context as `/graphql`
 * (no HTTP, no parsing: the document is parsed once when the module loads). The first
 * DomainError of the result is rethrown so vendor adapters map it to their own status and body,
 * an outage of the store as UNAVAILABLE; any other error is an OperationFailure. With a cache, query results are kept and reused under
 * the GraphQL response cache's rules (viewer and data version in the key).
 */
export function operationRunner(schema: GraphQLSchema, context: GraphQLContext, cache?: OperationCache | null): OperationRunner {
  return async (document, variables) => {
    const operation = getOperationAST(document);
    const name = `rest ${operation?.name?.value ?? "operation"}`;
    // What the request reads after a write must include it (see GraphQLContext.readFromPrimary).
    if (operation?.operation === OperationTypeNode.MUTATION) context.readFromPrimary();
    const run = () =>
      tracedOperation(context, name, () =>
        Promise.resolve(execute({ schema, document, variableValues: variables, contextValue: context })),
      );
    const result = cache ? await cache.resolve(context, document, variables, run) : await run();
    const errors = result.errors ?? [];
    const domain = errors.map((error) => error.originalError).find((error) => error instanceof DomainError);
    if (domain) throw domain;
    if (errors.some((error) => isStoreUnavailable(error))) throw storeUnavailable();
    if (errors.length > 0) {
      throw new OperationFailure(errors.map((error) => `${error.path?.join(".") ?? "operation"}: ${error.message}`).join("; "), {
        cause: errors[0]?.originalError ?? errors[0],
      });
    }
    return result.data as never;
  };
}
