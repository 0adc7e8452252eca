import type { CodegenConfig } from "@graphql-codegen/cli";

// Types the stored GraphQL operations (the REST adapters', the exports', the console's and the tests') against schema.graphql.
// Offline: everything is read from the repository. Run `npm run codegen` after changing either.
const operationsConfig = {
  plugins: ["typescript-operations", "typed-document-node"],
  config: {
    scalars: { DateTimeISO: "string", JSONObject: "Record<string, unknown>" },
    enumsAsTypes: true,
    useTypeImports: true,
    avoidOptionals: { field: true, inputValue: false, object: true },
  },
};

const config: CodegenConfig = {
  schema: "./schema.graphql",
  generates: {
    "src/rest/__generated__/operations.ts": { documents: ["src/rest/**/*.graphql"], ...operationsConfig },
    "src/export/__generated__/operations.ts": { documents: ["src/export/**/*.graphql"], ...operationsConfig },
    "test/__generated__/graphql.ts": { documents: ["test/operations/**/*.graphql"], ...operationsConfig },
    // The browser sends the query text as is: string documents need no graphql-js in the bundle.
    "console/src/__generated__/operations.ts": {
      documents: ["console/src/**/*.graphql"],
      ...operationsConfig,
      config: { ...operationsConfig.config, documentMode: "string" },
    },
  },
};

export default config;
