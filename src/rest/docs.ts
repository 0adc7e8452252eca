import { createRequire } from "node:module";
import path from "node:path";
import express, { type Router } from "express";

const require = createRequire(import.meta.url);
const SWAGGER_UI = path.dirname(require.resolve("swagger-ui-dist/package.json"));
const ASSETS = ["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"] as const;

export const DOCS_PATH = "/docs";

/** The REST docs page: Swagger UI over /openapi.json, its assets served from node_modules (no CDN). */
export function restDocs(): Router {
  const router = express.Router({ strict: true });
  for (const asset of ASSETS) {
    router.get(`${DOCS_PATH}/assets/${asset}`, (_req, res) => {
      res.set("Cache-Control", "public, max-age=86400").sendFile(path.join(SWAGGER_UI, asset));
    });
  }
  router.get(DOCS_PATH, (_req, res) => {
    res.type("html").send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Usage Gateway — vendor REST API</title>
  <link rel="icon" href="${DOCS_PATH}/assets/favicon-32x32.png">
  <link rel="stylesheet" href="${DOCS_PATH}/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="${DOCS_PATH}/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#docs", deepLinking: true, validatorUrl: null });
  </script>
</body>
</html>`);
  });
  return router;
}
