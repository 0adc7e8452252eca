import isSafeRegex from "safe-regex2";
import { badInput } from "../errors.js";
import { containsNul } from "../http/request-values.js";

/**
 * Translates a Mongo-style query and sort (Rocket.Chat `statistics.list`'s `query` and `sort`)
 * into SQL over the `WorkspaceStatisticsSnapshot` row aliased `s`: its columns and its `payload`
 * json. Only plain equality on (dotted) fields, `$or`, `$and` and `$regex` (with `$options` i, m,
 * s, x) are accepted; anything else is BAD_USER_INPUT. Every value, path and pattern becomes a
 * bound parameter: user input never reaches the SQL text. Pure: no database access.
 */

export const MAX_REGEX_LENGTH = 256;
const MAX_PATH_LENGTH = 256;
const MAX_PATH_SEGMENTS = 32;
const MAX_CONDITIONS = 64;
const MAX_NESTING = 8;
const MAX_VALUE_LENGTH = 4_096;
const MAX_VALUE_DEPTH = 32;
const MAX_SORT_KEYS = 16;

export interface SqlFragment {
  /** SQL text with positional parameters `$firstParam`, `$firstParam + 1`, ... */
  readonly sql: string;
  readonly params: unknown[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class Params {
  readonly values: unknown[] = [];
  constructor(private readonly first: number) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}`;
  }
}

/** Splits a dotted field path; rejects empty segments and `$`-prefixed (operator) segments. */
export function fieldPath(path: string, argument: string): string[] {
  const segments = path.split(".");
  if (path.length === 0 || path.length > MAX_PATH_LENGTH || segments.length > MAX_PATH_SEGMENTS) {
    throw badInput(`${argument}: field paths must have 1 to ${MAX_PATH_LENGTH} characters and at most ${MAX_PATH_SEGMENTS} parts`, {
      argument,
    });
  }
  for (const segment of segments) {
    if (segment === "" || segment.startsWith("$") || segment.includes("\u0000")) {
      throw badInput(
        `${argument}: "${path.slice(0, 64)}" is not a field path${segment.startsWith("$") ? ` (operator ${segment.slice(0, 32)} is not allowed)` : ""}`,
        { argument },
      );
    }
  }
  return segments;
}

/**
 * A pattern of extended syntax (`$options` x) as it reads without it: white space and `#` comments
 * outside bracket expressions dropped, escaped characters kept (the rules PCRE and PostgreSQL share).
 * The cost check then judges exactly what runs: with x, `(a+) +` is `(a+)+`.
 */
function withoutExtendedSyntax(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\") {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (char === "[") {
      // A bracket expression runs to the first "]" that is not its first member (or escaped).
      let end = i + 1;
      if (pattern[end] === "^") end++;
      if (pattern[end] === "]") end++;
      while (end < pattern.length && pattern[end] !== "]") end += pattern[end] === "\\" ? 2 : 1;
      out += pattern.slice(i, end + 1);
      i = end;
    } else if (char === "#") {
      const newline = pattern.indexOf("\n", i);
      i = newline === -1 ? pattern.length : newline;
    } else if (!/\s/.test(char)) out += char;
  }
  return out;
}

/**
 * The PostgreSQL ARE for a Mongo (PCRE) `$regex` with `$options`. PCRE's defaults are "`.` and
 * negated classes stop at newlines, `^`/`$` anchor at the string": ARE option `p`. `m` makes the
 * anchors line-aware (`n`), `s` lets `.` cross newlines (`s`), both give `w`; `i` maps 1:1. `x`
 * (extended syntax) is applied here, so the checks below judge the pattern PostgreSQL runs.
 * @throws BAD_USER_INPUT for a pattern over 256 characters, other option letters, a pattern
 * that is not a valid regular expression, or one whose cost is unbounded (back-references, nested quantifiers).
 */
export function postgresRegex(pattern: unknown, options: unknown): string {
  if (typeof pattern !== "string" || pattern.length === 0 || pattern.length > MAX_REGEX_LENGTH) {
    throw badInput(`filter: $regex must be a string of 1 to ${MAX_REGEX_LENGTH} characters`, { argument: "filter" });
  }
  const flags = options === undefined ? "" : options;
  if (typeof flags !== "string" || !/^[imsx]*$/.test(flags) || new Set(flags).size !== flags.length) {
    throw badInput("filter: $options may only hold the letters i, m, s and x, each once", { argument: "filter" });
  }
  const source = flags.includes("x") ? withoutExtendedSyntax(pattern) : pattern;
  if (source.length === 0) throw badInput("filter: $regex must match something besides white space and comments", { argument: "filter" });
  try {
    new RegExp(source, flags.replace("x", ""));
  } catch {
    throw badInput(`filter: "${source.slice(0, 64)}" is not a valid regular expression`, { argument: "filter" });
  }
  // Back-references and nested quantifiers make matching time unbounded (and PostgreSQL's engine
  // backtracks on back-references): refused before they reach the store.
  if (/\\(?:[1-9]|k<)/.test(source) || !isSafeRegex(source)) {
    throw badInput(`filter: "${source.slice(0, 64)}" could take unbounded time: back-references and nested quantifiers are not supported`, {
      argument: "filter",
    });
  }
  const lines = flags.includes("m") ? (flags.includes("s") ? "w" : "n") : flags.includes("s") ? "s" : "p";
  return `(?${flags.includes("i") ? "i" : ""}${lines})${source}`;
}

function assertNoOperators(value: unknown, depth = 0): void {
  if (depth > MAX_VALUE_DEPTH) throw badInput(`filter: values may be nested at most ${MAX_VALUE_DEPTH} deep`, { argument: "filter" });
  if (Array.isArray(value)) value.forEach((item) => assertNoOperators(item, depth + 1));
  else if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith("$"))
        throw badInput(`filter: operator ${key.slice(0, 32)} is not allowed (only $or, $and, $regex, $options)`, { argument: "filter" });
      assertNoOperators(inner, depth + 1);
    }
  }
}

class FilterTranslator {
  private conditions = 0;
  constructor(private readonly params: Params) {}

  object(query: unknown, depth: number): string {
    if (!isPlainObject(query)) throw badInput("filter: every query must be a JSON object", { argument: "filter" });
    if (depth > MAX_NESTING) throw badInput(`filter: $or/$and may be nested at most ${MAX_NESTING} deep`, { argument: "filter" });
    const parts = Object.entries(query).map(([key, value]) => {
      if (key === "$or" || key === "$and") return this.logical(key, value, depth);
      if (key.startsWith("$"))
        throw badInput(`filter: operator ${key.slice(0, 32)} is not allowed (only $or, $and, $regex, $options)`, { argument: "filter" });
      return this.field(fieldPath(key, "filter"), value);
    });
    return parts.length === 0 ? "TRUE" : parts.length === 1 ? parts[0]! : `(${parts.join(" AND ")})`;
  }

  private logical(operator: "$or" | "$and", value: unknown, depth: number): string {
    if (!Array.isArray(value) || value.length === 0)
      throw badInput(`filter: ${operator} needs a non-empty array of queries`, { argument: "filter" });
    const parts = value.map((item) => this.object(item, depth + 1));
    return `(${parts.join(operator === "$or" ? " OR " : " AND ")})`;
  }

  private field(path: string[], value: unknown): string {
    if (++this.conditions > MAX_CONDITIONS) throw badInput(`filter: at most ${MAX_CONDITIONS} field conditions`, { argument: "filter" });
    const pathParam = `${this.params.add(path)}::text[]`;
    const json = `(s."payload" #> ${pathParam})::jsonb`;
    if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith("$"))) {
      const { $regex, $options, ...rest } = value;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) {
        throw badInput(
          `filter: ${extra.startsWith("$") ? `operator ${extra.slice(0, 32)} is not allowed` : "operators and fields cannot be mixed"} (only $regex with $options)`,
          { argument: "filter" },
        );
      }
      if ($regex === undefined) throw badInput("filter: $options needs $regex", { argument: "filter" });
      const regex = `${this.params.add(postgresRegex($regex, $options))}::text`;
      // Like Mongo: a string matches, and so does an array holding a matching string.
      return `((jsonb_typeof(${json}) = 'string' AND (s."payload" #>> ${pathParam}) ~ ${regex}) OR (jsonb_typeof(${json}) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(${json}) AS e(v) WHERE jsonb_typeof(e.v) = 'string' AND (e.v #>> '{}') ~ ${regex})))`;
    }
    assertNoOperators(value);
    if (value === null) return `(${json} IS NULL OR ${json} = 'null'::jsonb)`;
    const text = JSON.stringify(value);
    if (text === undefined || text.length > MAX_VALUE_LENGTH)
      throw badInput(`filter: values must be JSON of at most ${MAX_VALUE_LENGTH} characters`, { argument: "filter" });
    const param = `${this.params.add(text)}::jsonb`;
    // Like Mongo: equal, or an array that holds the value.
    return `(${json} = ${param} OR (jsonb_typeof(${json}) = 'array' AND ${json} @> jsonb_build_array(${param})))`;
  }
}

/** A WHERE condition for `filter` (`TRUE` when it is empty or absent). */
export function snapshotFilterSql(filter: unknown, firstParam: number): SqlFragment {
  const params = new Params(firstParam);
  if (containsNul(filter)) throw badInput("filter: values must not contain NUL characters", { argument: "filter" });
  const sql = filter === undefined || filter === null ? "TRUE" : new FilterTranslator(params).object(filter, 0);
  return { sql, params: params.values };
}

// Fields the row holds as columns sort by them (typed, and equal to the payload's values).
const SORT_COLUMNS: Record<string, string> = { _id: `s."id"`, createdAt: `s."takenAt"`, _updatedAt: `s."takenAt"` };

/**
 * An ORDER BY list for `sort` ({field: 1 | -1, ...} in priority order), ending with takenAt and id
 * so pages are stable. Missing fields sort first ascending and last descending, as in Mongo.
 * Without `sort` (or with `{}`): takenAt ascending unless `newestFirst`.
 */
export function snapshotSortSql(sort: unknown, firstParam: number, newestFirst = false): SqlFragment {
  const params = new Params(firstParam);
  if (containsNul(sort)) throw badInput("sort: field names must not contain NUL characters", { argument: "sort" });
  const tail = newestFirst ? `s."takenAt" DESC, s."id" DESC` : `s."takenAt" ASC, s."id" ASC`;
  if (sort === undefined || sort === null) return { sql: tail, params: [] };
  if (!isPlainObject(sort)) throw badInput("sort must be a JSON object of fields with 1 or -1", { argument: "sort" });
  const entries = Object.entries(sort);
  if (entries.length > MAX_SORT_KEYS) throw badInput(`sort: at most ${MAX_SORT_KEYS} fields`, { argument: "sort" });
  const terms = entries.map(([key, direction]) => {
    if (direction !== 1 && direction !== -1)
      throw badInput(`sort: the direction of "${key.slice(0, 64)}" must be 1 or -1`, { argument: "sort" });
    const column = SORT_COLUMNS[key] ?? `(s."payload" #> ${params.add(fieldPath(key, "sort"))}::text[])::jsonb`;
    return `${column} ${direction === 1 ? "ASC NULLS FIRST" : "DESC NULLS LAST"}`;
  });
  return { sql: [...terms, tail].join(", "), params: params.values };
}
