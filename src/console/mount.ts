import { existsSync } from "node:fs";
import path from "node:path";
import express from "express";

/** Where `npm run console:build` (run by `npm install`) writes the console: index.html and assets/. */
export const CONSOLE_ASSETS = path.resolve(import.meta.dirname, "../../console/dist");

export const CONSOLE_BUILD_COMMAND = "npm run console:build";

// The page talks to this gateway only: no script, style, font or request goes anywhere else.
// Inline style attributes are what ECharts and React set on elements.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

const missingHtml = (assets: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Usage Gateway · Console not built</title>
<style>body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; } code { background: #f3f3f3; padding: 0 0.2rem; }</style>
</head>
<body>
  <h1>The console is not built</h1>
  <p>This gateway has no console assets in <code>${path.relative(process.cwd(), assets) || assets}</code>. Build them with
  <code>${CONSOLE_BUILD_COMMAND}</code> (<code>npm install</code> and <code>npm ci</code> run it), then reload this page.</p>
  <p>Meanwhile the same numbers are at <a href="/graphql">/graphql</a> and <code>/export/*.csv</code>.</p>
</body>
</html>`;

/**
 * `GET /console`: the usage console, a single-page app built from console/ into `assets`, served
 * from disk. Without a build it answers 503 with the command that makes one (checked on every
 * request, so a build made while the gateway runs is served at once).
 */
export function mountConsole(app: express.Express, assets = CONSOLE_ASSETS): void {
  const index = path.join(assets, "index.html");
  const router = express.Router({ strict: true, caseSensitive: true });
  // Only the console's own answers carry its policy: the router sits at the root, beside GraphiQL and /docs.
  const secure = (res: express.Response) => {
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
  };
  router.get(["/console", "/console/"], (_req, res) => {
    secure(res);
    if (!existsSync(index)) return void res.status(503).set("Retry-After", "60").type("html").send(missingHtml(assets));
    res.set("Cache-Control", "no-cache").sendFile(index);
  });
  router.use("/console/assets", (_req, res, next) => {
    secure(res);
    next();
  });
  router.use("/console/assets", express.static(path.join(assets, "assets"), { fallthrough: false, index: false, maxAge: 0 }));
  app.use(router);
}
