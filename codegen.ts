import type { CodegenConfig } from "@graphql-codegen/cli";

// Types the stored GraphQL operations (tests, and later the REST adapters) against schema.graphql.
// Offline: everything is read from the repository. Run `npm run codegen` after changing either.
const config: CodegenConfig = {
  schema: "./schema.graphql",
  documents: ["test/operations/**/*.graphql"],
  generates: {
    "test/__generated__/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        scalars: { DateTimeISO: "string", JSONObject: "Record<string, unknown>" },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
};

export default config;
