import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["src/db/generated/", "**/__generated__/", "node_modules/", "bench/.tmp/", "data/", "dist/", "console/dist/", ".ci/"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Hooks and fakes of async interfaces (Apollo plugins, loaders) are async without awaiting.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": ["error", { selector: "ExportDefaultDeclaration", message: "Named exports only (style.md §4.6)." }],
    },
  },
  {
    // Tools require these configs as default exports.
    files: ["eslint.config.js", "codegen.ts", "prisma.config.ts", "vitest.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: "readonly", process: "readonly", URL: "readonly" } },
  },
  prettier,
);
