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
# Sign in above (demo admins: admin@nordhafen.test, password demo-password), then run
# this query (Ctrl-Enter). The Docs panel describes every type and field.
# Scripts send the token as the header  Authorization: Bearer <token>.

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

/**
 * The GraphiQL page with a sign-in bar: email and password go to the `login` mutation, the token is
 * kept in the browser's session storage (gone with the tab) and sent as the Authorization header of
 * every request GraphiQL makes, the schema's introspection included. Nothing is stored on the server.
 */
export function graphiqlHtml(now = new Date()): string {
  const config = JSON.stringify({ url: "/graphql", query: exampleQuery(now) }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Usage Gateway · GraphiQL</title>
  <link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}/graphiql.css">
  <style>
    html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
    body { display: flex; flex-direction: column; }
    #session { display: flex; align-items: center; gap: 0.5rem; padding: 0.4rem 0.8rem; border-bottom: 1px solid #ddd; font-size: 14px; }
    #session form { display: flex; gap: 0.5rem; align-items: center; margin: 0; }
    #session input { font: inherit; padding: 0.2rem 0.4rem; }
    #session .error { color: #b00020; }
    #session .home { margin-right: auto; font-weight: 600; color: inherit; text-decoration: none; }
    #graphiql { flex: 1; min-height: 0; }
    [hidden] { display: none !important; }
  </style>
</head>
<body>
  <header id="session">
    <a class="home" href="/">Usage Gateway</a>
    <form id="sign-in" hidden>
      <label>Email <input name="email" type="email" autocomplete="username" required></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
      <span class="error" role="alert"></span>
    </form>
    <span id="signed-in" hidden><span id="who"></span> <button id="sign-out" type="button">Sign out</button></span>
  </header>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${GRAPHIQL_ASSET_PREFIX}/react.js"></script>
  <script src="${GRAPHIQL_ASSET_PREFIX}/react-dom.js"></script>
  <script src="${GRAPHIQL_ASSET_PREFIX}/graphiql.js"></script>
  <script>
    const config = ${config};
    const url = new URL(config.url, location.href).toString();
    const TOKEN_KEY = "usage-gateway:token";
    const token = () => sessionStorage.getItem(TOKEN_KEY);
    // The signed-in token is the only credential: an Authorization header kept in the headers editor
    // (a placeholder from earlier pages, or a pasted token) would override it and outlive sign-out.
    function dropStoredAuthorization() {
      try {
        const stored = JSON.parse(localStorage.getItem("graphiql:headers") || "{}");
        for (const name of Object.keys(stored)) if (name.toLowerCase() === "authorization") delete stored[name];
        localStorage.setItem("graphiql:headers", JSON.stringify(stored, null, 2));
      } catch {
        localStorage.removeItem("graphiql:headers");
      }
    }
    dropStoredAuthorization();

    async function post(query, variables) {
      const headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
      if (token()) headers.authorization = "Bearer " + token();
      const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return response.json();
    }

    const form = document.getElementById("sign-in");
    const signedIn = document.getElementById("signed-in");
    function showSignIn(message) {
      signedIn.hidden = true;
      form.hidden = false;
      form.querySelector(".error").textContent = message || "";
    }
    function showViewer(viewer) {
      form.hidden = true;
      signedIn.hidden = false;
      document.getElementById("who").textContent = "Signed in as " + viewer.name + " (" + viewer.role + ", " + viewer.email + ")";
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body = await post(
        "mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { token } }",
        { email: data.get("email"), password: data.get("password") },
      ).catch(() => ({ errors: [{ message: "the gateway did not answer" }] }));
      if (!body.data || !body.data.login) return showSignIn(body.errors ? body.errors[0].message : "sign-in failed");
      sessionStorage.setItem(TOKEN_KEY, body.data.login.token);
      dropStoredAuthorization();
      location.reload();
    });
    document.getElementById("sign-out").addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      dropStoredAuthorization();
      location.reload();
    });
    if (token()) {
      post("{ viewer { name role email } }").then(
        (body) => {
          if (body.data && body.data.viewer) return showViewer(body.data.viewer);
          sessionStorage.removeItem(TOKEN_KEY);
          showSignIn("Your session has ended: sign in again.");
        },
        () => showSignIn("the gateway did not answer"),
      );
    } else showSignIn();

    const fetcher = GraphiQL.createFetcher({ url, headers: token() ? { Authorization: "Bearer " + token() } : {} });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: config.query, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;
}
