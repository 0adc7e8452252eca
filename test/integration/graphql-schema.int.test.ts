import { readFile } from "node:fs/promises";
import { generate } from "@graphql-codegen/cli";
import { isEnumType, isInputObjectType, isObjectType, type GraphQLField, type GraphQLInputField, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE } from "../../src/commands/schema.js";
import { buildGraphQLSchema, schemaSdl } from "../../src/schema.js";
import codegenConfig from "../../codegen.js";

function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues())
        if (!value.description && type.getValues().length > 20) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe("GraphQL schema", () => {
  it("schema.graphql is what the code emits (run `npm run schema` after changing types)", async () => {
    expect(await readFile(SCHEMA_FILE, "utf8")).toBe(await schemaSdl());
  });

  it("documents every type, field and argument", async () => {
    expect(undocumented(await buildGraphQLSchema())).toEqual([]);
  });

  it("the generated operation types are up to date (run `npm run codegen`)", async () => {
    // generate() is typed `FileOutput[] | any` (the `any` is watch mode); without watch it resolves to the files.
    const outputs = (await generate({ ...codegenConfig, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((output) => output.filename).sort()).toEqual(Object.keys(codegenConfig.generates).sort());
    for (const output of outputs) expect(await readFile(output.filename, "utf8"), output.filename).toBe(output.content);
  });
});
