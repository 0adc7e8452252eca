import type { ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import type { GraphQLContext } from "../context.js";

/**
 * A mutation's payload is read after its writes: its loaders move to the primary before it runs,
 * so a replica that was fresh at the request's start cannot answer without them.
 */
export function mutationsReadFromPrimaryPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.MUTATION) contextValue.readFromPrimary();
        },
      };
    },
  };
}
