import "reflect-metadata";
import { buildSchema } from "graphql";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertStoredOperationsValid } from "./index.js";

const schemaText = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");

describe("stored REST operations", () => {
  it("are valid against the committed schema", () => {
    expect(() => assertStoredOperationsValid(buildSchema(schemaText))).not.toThrow();
  });

  it("are refused, naming the operation, when the schema no longer has what they ask for", () => {
    const withoutLicenses = buildSchema(schemaText.replace(/^\s*licenses\(/m, "  licensesRenamed("));
    expect(() => assertStoredOperationsValid(withoutLicenses)).toThrow(/TabnineLicenseDocument: Cannot query field "licenses"/);
  });
});
