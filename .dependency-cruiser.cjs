// `npm run lint` (depcruise): no import circles, and the top level of src/ imports only downward,
// in this order (lowest first). A folder may import its own layer and any layer below it.
const LAYERS = [
  ["foundation", "^src/(errors|ids|config|logger|version)\\.ts$|^src/(db|vendors)/"],
  ["http", "^src/http/"],
  ["auth", "^src/auth/"],
  ["usage", "^src/usage/"],
  ["statistics", "^src/statistics/"],
  ["ingest", "^src/ingest/"],
  ["sources", "^src/sources/"],
  ["seed", "^src/seed/"],
  ["loaders", "^src/loaders/"],
  ["context", "^src/context\\.ts$"],
  ["modules", "^src/modules/|^src/schema\\.ts$"],
  ["graphql", "^src/graphql/"],
  ["rest", "^src/rest/"],
  ["export", "^src/export/"],
  ["console", "^src/console/"],
  ["app", "^src/(app|server|store)\\.ts$"],
  ["gateway", "^src/gateway\\.ts$"],
  ["commands", "^src/commands/|^src/cli\\.ts$"],
];

const upward = LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} may not import a higher layer (${LAYERS.slice(index + 1)
    .map(([above]) => above)
    .join(", ")})`,
  severity: "error",
  from: { path },
  to: {
    path: LAYERS.slice(index + 1)
      .map(([, above]) => `(${above})`)
      .join("|"),
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", comment: "no import circles, type-only imports included", severity: "error", from: {}, to: { circular: true } },
    {
      name: "no-unlisted-top-level",
      comment: "every file at the top level of src/ belongs to a layer in .dependency-cruiser.cjs",
      severity: "error",
      from: { path: "^src/", pathNot: LAYERS.map(([, path]) => `(${path})`).join("|") },
      to: {},
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/db/generated/|__generated__|\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
