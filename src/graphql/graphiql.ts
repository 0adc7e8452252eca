import { createRequire } from "node:module";
import path from "node:path";
import express, { type Request, type Router } from "express";

const require = createRequire(import.meta.url);
const dirOf = (entry: string) => path.dirname(require.resolve(entry));

/** GraphiQL and React builds, served from node_modules: the page needs no internet access. */
const ASSETS: Record<string, string> = {
  "react.js": path.join(dirOf("react"), "umd", "react.production.min.js"),
  "react-dom.js": path.join(dirOf("react-dom"), "umd", "react-dom.production.min.js"),
  "graphiql.js": path.join(dirOf("graphiql"), "index.umd.js"),
  "graphiql.css": path.join(dirOf("graphiql"), "style.css"),
};

export const GRAPHIQL_ASSET_PREFIX = "/graphiql";

export function graphiqlAssets(): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/${name}`, (_req, res) => {
      res.set("Cache-Control", "public, max-age=86400").sendFile(file);
    });
  }
  return router;
}

/** A browser navigating to /graphql (HTML preferred, no query in the URL) gets GraphiQL. */
export function wantsGraphiql(req: Request): boolean {
  return req.method === "GET" && req.query.query === undefined && req.accepts(["application/json", "text/html"]) === "text/html";
}

function exampleQuery(now: Date): string {
  const day = 86_400_000;
  const to = new Date(Math.floor(now.getTime() / day) * day).toISOString();
  const from = new Date(Date.parse(to) - 7 * day).toISOString();
  return `# Usage Gateway: one schema for Teamwire, Rocket.Chat and Tabnine usage.
# 1. Get a token: in a new tab (+) run
#      mutation { login(email: "admin@nordhafen.test", password: "demo-password") { token } }
#    (demo admins' password), or with the gateway stopped: npm run --silent token -- --email …
# 2. Open "Headers" below and enter: {"Authorization": "Bearer <token>"}
# 3. Run this query (Ctrl-Enter). The Docs panel describes every type and field.

query Dashboard {
  viewer {
    name
    role
    organization {
      name
      sources { vendor }
      usage(from: "${from}", to: "${to}", resolution: DAY, metrics: [ACTIVE_USERS, MESSAGES_SENT]) {
        points { from values { metric vendor value } }
        totals { metric vendor value }
      }
    }
  }
}
`;
}

/** The GraphiQL page. Headers persist in the browser's local storage, never on the server. */
export function graphiqlHtml(now = new Date()): string {
  const config = JSON.stringify({ url: "/graphql", query: exampleQuery(now) }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Usage Gateway · GraphiQL</title>
  <link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${GRAPHIQL_ASSET_PREFIX}/react.js"></script>
  <script src="${GRAPHIQL_ASSET_PREFIX}/react-dom.js"></script>
  <script src="${GRAPHIQL_ASSET_PREFIX}/graphiql.js"></script>
  <script>
    const config = ${config};
    const fetcher = GraphiQL.createFetcher({ url: new URL(config.url, location.href).toString() });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: config.query,
        defaultHeaders: '{\\n  "Authorization": "Bearer <token>"\\n}',
        shouldPersistHeaders: true,
        defaultEditorToolsVisibility: "headers",
      }),
    );
  </script>
</body>
</html>`;
}
