import qs from "qs";
import { z } from "zod";

/**
 * Query parameters as Rocket.Chat 8 reads them (docs/vendors/rocketchat.md, "Request handling"): its
 * router parses the query string with `qs` and checks the result with the route's validator from
 * @rocket.chat/rest-typings (ajv with coerceTypes, one error at a time, `additionalProperties: false`,
 * every parameter a nullable string or number). A refused query is answered before the route runs.
 */

/** The query string parsed as Rocket.Chat's router parses it; throws past qs's limits (1000 parameters, 500 array items). */
export function parseRocketChatQuery(url: string): Record<string, unknown> {
  return qs.parse(url.split("?")[1] || "", { arrayLimit: 500, throwOnLimitExceeded: true });
}

export type ParamType = "string" | "number";
/** A validator's properties in the order of its schema: ajv reports the first one that fails. */
export type ParamSpec = Readonly<Record<string, ParamType>>;

/** ajv's coercion of a query value to a nullable number: "" is null, numeric text its number (`+value`), else undefined. */
export function coerceNumber(value: string): number | null | undefined {
  if (value === "") return null;
  const number = Number(value);
  return Number.isNaN(number) ? undefined : number;
}

/** ajv's message for the first check these parameters fail, or undefined when the validator accepts them. */
export function invalidParamsMessage(params: Record<string, unknown>, spec: ParamSpec): string | undefined {
  if (Object.keys(params).some((name) => !Object.hasOwn(spec, name))) return "must NOT have additional properties";
  for (const [name, type] of Object.entries(spec)) {
    if (!Object.hasOwn(params, name)) continue;
    const value = params[name];
    if (typeof value !== "string" || (type === "number" && coerceNumber(value) === undefined)) return `must be ${type}`;
  }
  return undefined;
}

/** A string parameter (an array or object, e.g. a repeated parameter, is refused). */
export const stringParam = () => z.string({ error: "must be string" });

/** A number parameter: its coerced value, null when empty. */
export const numberParam = () =>
  z.string({ error: "must be number" }).transform((value, ctx) => {
    const number = coerceNumber(value);
    if (number !== undefined) return number;
    ctx.addIssue({ code: "custom", message: "must be number" });
    return z.NEVER;
  });

const specs = new WeakMap<z.ZodType, ParamSpec>();

/** The validator spec a route's query schema was built from (errors.ts words its refusals with it). */
export const paramSpecOf = (schema: z.ZodType | undefined): ParamSpec | undefined => (schema ? specs.get(schema) : undefined);

/** A query schema refusing exactly what the validator of `spec` refuses; `shape` parses each parameter. */
export function rocketChatQuery<T extends ParamSpec, S extends { [K in keyof T]: z.ZodType }>(spec: T, shape: S) {
  const schema = z.strictObject(shape);
  specs.set(schema, spec);
  return schema;
}
