import { graphql, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { describe, expect, it } from "vitest";
import { nullForOmittedArguments } from "./omitted-arguments.js";

function schemaRecordingArgs(seen: Record<string, unknown>[]): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        field: {
          type: GraphQLString,
          args: {
            optional: { type: GraphQLString },
            required: { type: new GraphQLNonNull(GraphQLInt) },
            withDefault: { type: GraphQLInt, defaultValue: 5 },
          },
          resolve: (_source, args: Record<string, unknown>) => {
            seen.push(args);
            return "ok";
          },
        },
      },
    }),
  });
}

describe("nullForOmittedArguments", () => {
  it("gives a resolver null for an omitted nullable argument, as for an explicit null", async () => {
    const seen: Record<string, unknown>[] = [];
    const schema = nullForOmittedArguments(schemaRecordingArgs(seen));
    await graphql({
      schema,
      source: '{ a: field(required: 1) b: field(required: 2, optional: null) c: field(required: 3, optional: "x") }',
    });
    expect(seen).toEqual([
      { required: 1, withDefault: 5, optional: null },
      { required: 2, withDefault: 5, optional: null },
      { required: 3, withDefault: 5, optional: "x" },
    ]);
  });

  it("is what makes the difference: without it the argument is absent", async () => {
    const seen: Record<string, unknown>[] = [];
    await graphql({ schema: schemaRecordingArgs(seen), source: "{ field(required: 1) }" });
    expect("optional" in seen[0]!).toBe(false);
  });
});
