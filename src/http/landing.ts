import express, { type Router } from "express";
import { GATEWAY_VERSION } from "../version.js";

/** What the gateway serves, as the landing page lists it (also the JSON answer of `GET /`). */
const LINKS = [
  {
    href: "/console",
    title: "Console",
    text: "usage charts of your organization across all three vendors, teams and people, with CSV downloads: sign in with your email and password",
  },
  {
    href: "/graphql",
    title: "GraphiQL",
    text: "the unified GraphQL API: sign in with your email and password, then run the example query",
  },
  { href: "/docs", title: "REST docs", text: "the Teamwire, Rocket.Chat and Tabnine URLs, and how to get a token and your X-User-Id" },
  { href: "/openapi.json", title: "OpenAPI", text: "the vendor REST routes as an OpenAPI 3.1 document" },
  { href: "/healthz", title: "Health", text: "liveness" },
  { href: "/readyz", title: "Readiness", text: "the store answers and every migration is applied" },
  { href: "/metrics", title: "Metrics", text: "Prometheus metrics" },
] as const;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function landingHtml(): string {
  const items = LINKS.map((link) => `<li><a href="${link.href}">${link.title}</a> — ${escape(link.text)}</li>`).join("\n      ");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Usage Gateway</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
    li { margin: 0.4rem 0; }
    code { background: #f3f3f3; padding: 0 0.2rem; }
  </style>
</head>
<body>
  <main>
    <h1>Usage Gateway <small>${escape(GATEWAY_VERSION)}</small></h1>
    <p>Teamwire, Rocket.Chat and Tabnine usage in one GraphQL schema, and each vendor's own REST URLs.</p>
    <ul>
      ${items}
    </ul>
    <h2>Signing in</h2>
    <p>Admins sign in with their email and password (GraphiQL's sign-in bar, or the <code>login</code> mutation).
    Scripts send <code>Authorization: Bearer &lt;token&gt;</code>; a long-lived API token comes from the
    <code>issueApiToken</code> mutation. No account yet? An operator creates the first one with
    <code>npx usage-gateway org create --name …</code>, then
    <code>npx usage-gateway user create --organization &lt;slug&gt; --email you@example.com --role ADMIN</code>
    (the password is read from stdin or a prompt).</p>
  </main>
</body>
</html>`;
}

/** `GET /`: an HTML page for browsers, the same links as JSON for other clients. */
export function landingPage(): Router {
  const router = express.Router({ strict: true });
  const html = landingHtml();
  router.get("/", (req, res) => {
    if (req.accepts(["text/html", "application/json"]) === "text/html") res.type("html").send(html);
    else res.json({ name: "Usage Gateway", version: GATEWAY_VERSION, links: LINKS });
  });
  return router;
}
