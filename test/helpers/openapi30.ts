import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { readFile } from "node:fs/promises";

/**
 * Judges JSON against a vendor's own OpenAPI 3.0 document (Tabnine's docs/vendors/tabnine/*.yaml):
 * the document is parsed and checked by @seriousme/openapi-schema-validator, its $refs resolved, and
 * each response schema converted from the OpenAPI 3.0 dialect to JSON Schema for ajv.
 */

type Json = Record<string, unknown>;

/** One documented operation: its statuses and, per status, the JSON schema of the body (none when undocumented). */
export interface DocumentedOperation {
  readonly key: string;
  readonly statuses: readonly number[];
  readonly schemas: Readonly<Record<number, Json | undefined>>;
  /** The vendor's examples of the 200 body. */
  readonly examples: readonly unknown[];
}

export interface OpenApi30Document {
  readonly version: string;
  /** `GET /api/v1/organization/teams` → the operation. Paths keep the document's `{placeholders}`. */
  readonly operations: ReadonlyMap<string, DocumentedOperation>;
}

/** Reads, validates (OpenAPI 3.0) and resolves a document; throws when it is not a valid one. */
export async function loadOpenApi30(file: URL): Promise<OpenApi30Document> {
  const validator = new Validator();
  const result = await validator.validate(await readFile(file, "utf8"));
  if (!result.valid) throw new Error(`${file.pathname} is not a valid OpenAPI document: ${JSON.stringify(result.errors)}`);
  const spec = validator.resolveRefs() as { openapi: string; paths: Record<string, Record<string, Json>> };
  const operations = new Map<string, DocumentedOperation>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const responses = operation.responses as Record<string, Json>;
      const schemas: Record<number, Json | undefined> = {};
      const examples: unknown[] = [];
      for (const [status, response] of Object.entries(responses)) {
        const media = (response.content as Record<string, Json> | undefined)?.["application/json"];
        schemas[Number(status)] = media?.schema as Json | undefined;
        if (status === "200") {
          for (const example of Object.values((media?.examples ?? {}) as Record<string, { value: unknown }>)) examples.push(example.value);
          if (media && "example" in media) examples.push(media.example);
        }
      }
      const key = `${method.toUpperCase()} ${path}`;
      operations.set(key, { key, statuses: Object.keys(responses).map(Number).sort(), schemas, examples });
    }
  }
  return { version: spec.openapi, operations };
}

/** OpenAPI 3.0 keywords with no JSON Schema meaning for validation. */
const DROPPED = new Set(["nullable", "example", "xml", "externalDocs", "discriminator"]);
const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf"];

/**
 * An OpenAPI 3.0 Schema Object as JSON Schema (draft-07): `nullable: true` admits null (added to
 * `type` and `enum`, or as an alternative when the schema has no type), the annotation-only
 * keywords go. With `closed`, an object that lists its properties and says nothing about others
 * admits no others (the vendor's document allows them; its adapters send none).
 */
export function toJsonSchema(schema: Json, options: { closed?: boolean } = {}): Json {
  const convert = (value: unknown): Json => toJsonSchema(value as Json, options);
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (key === "properties")
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, child]) => [name, convert(child)]));
    else if (key === "items" || key === "not" || (key === "additionalProperties" && typeof value === "object")) out[key] = convert(value);
    else if (SUBSCHEMA_LISTS.includes(key)) out[key] = (value as Json[]).map(convert);
    else out[key] = value;
  }
  if (options.closed && out.properties && !("additionalProperties" in out)) out.additionalProperties = false;
  if (schema.nullable !== true) return out;
  if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"] };
  return { anyOf: [out, { type: "null" }] };
}

/** A strict ajv (unknown keywords are errors, so the conversion must be complete) with the OpenAPI formats. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

/** Validators of one schema as documented and closed (no undocumented properties). */
export function compileBoth(ajv: Ajv, schema: Json): { documented: ValidateFunction; closed: ValidateFunction } {
  return { documented: ajv.compile(toJsonSchema(schema)), closed: ajv.compile(toJsonSchema(schema, { closed: true })) };
}
