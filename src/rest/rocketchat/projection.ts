/**
 * Mongo-style projection of Rocket.Chat statistics objects (`statistics.list` `fields`): `1`
 * includes, `0` excludes, dotted paths reach into sub-objects and into the objects of arrays,
 * `_id` is kept unless `"_id": 0`. Included fields keep the document's key order (as Mongo
 * returns them). Inclusion and exclusion cannot be mixed (except for `_id`), and a path may not
 * also name one of its parents (Mongo's "path collision").
 */

type Tree = { [key: string]: Tree | true };
type Doc = Record<string, unknown>;

export interface Projection {
  readonly mode: "include" | "exclude" | "all";
  readonly tree: Tree;
  readonly keepId: boolean;
}

export class ProjectionError extends Error {
  override readonly name = "ProjectionError";
}

const isDoc = (value: unknown): value is Doc => typeof value === "object" && value !== null && !Array.isArray(value);

/** Validates a parsed `fields` object; @throws ProjectionError. */
export function parseProjection(fields: Record<string, unknown>): Projection {
  const tree: Tree = {};
  let keepId = true;
  const modes = new Set<0 | 1>();
  for (const [path, value] of Object.entries(fields)) {
    if (value !== 0 && value !== 1) throw new ProjectionError(`the value of ${path} must be 0 or 1`);
    if (path === "_id") {
      keepId = value === 1;
      continue;
    }
    modes.add(value);
    const segments = path.split(".");
    if (segments.some((segment) => segment === "" || segment.startsWith("$"))) throw new ProjectionError(`${path} is not a field path`);
    let node = tree;
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const existing = node[segment];
      if (existing === true || (last && existing !== undefined)) throw new ProjectionError(`path collision at ${path}`);
      if (last) node[segment] = true;
      else node = (node[segment] ??= {}) as Tree;
    });
  }
  if (modes.size > 1) throw new ProjectionError("inclusion and exclusion cannot be mixed");
  const mode = modes.has(1) ? "include" : modes.has(0) || !keepId ? "exclude" : "all";
  // {"_id": 1} alone includes only _id.
  if (mode === "all" && fields._id === 1) return { mode: "include", tree, keepId };
  return { mode, tree, keepId };
}

function include(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.filter(isDoc).map((item) => include(item, tree));
  if (!isDoc(value)) return undefined;
  const out: Doc = {};
  for (const [key, inner] of Object.entries(value)) {
    const node = tree[key];
    if (node === undefined) continue;
    const projected = node === true ? inner : include(inner, node);
    if (projected !== undefined) out[key] = projected;
  }
  return out;
}

function exclude(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => (isDoc(item) ? exclude(item, tree) : item));
  if (!isDoc(value)) return value;
  const out: Doc = {};
  for (const [key, inner] of Object.entries(value)) {
    const node = tree[key];
    if (node === true) continue;
    out[key] = node === undefined ? inner : exclude(inner, node);
  }
  return out;
}

/** Applies a projection to one document. */
export function project(doc: Doc, projection: Projection): Doc {
  if (projection.mode === "all") return doc;
  if (projection.mode === "exclude") {
    const out = exclude(doc, projection.tree) as Doc;
    if (!projection.keepId) delete out._id;
    return out;
  }
  const tree: Tree = projection.keepId ? { ...projection.tree, _id: true } : projection.tree;
  return include(doc, tree) as Doc;
}
