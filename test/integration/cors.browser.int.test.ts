import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, chromiumAvailable, launchChromium } from "../helpers/browser.js";
import { startGraphQLTestServer, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";

/**
 * Browser dashboards on other origins (CORS_ORIGINS): a page served from an allowed origin reads the
 * organization's dashboard over GraphQL and a Tabnine REST route; the same page from an origin not in
 * the list is refused by the browser. Both pages run in headless Chromium.
 */

const hasChromium = chromiumAvailable("cors.browser.int.test.ts");

/** A page on its own origin that calls the gateway with a bearer token and shows what it got. */
function dashboardPage(gatewayUrl: string, token: string): string {
  return `<!doctype html><html><body><pre id="out">waiting</pre><script>
    const headers = { "content-type": "application/json", authorization: "Bearer ${token}" };
    Promise.all([
      fetch("${gatewayUrl}/graphql", { method: "POST", headers, body: JSON.stringify({ query: "{ viewer { organization { name } } }" }) })
        .then((r) => r.json()).then((b) => b.data.viewer.organization.name),
      fetch("${gatewayUrl}/api/v1/organization", { headers }).then((r) => "tabnine:" + r.status),
    ]).then((values) => (document.getElementById("out").textContent = values.join("|")),
            (error) => (document.getElementById("out").textContent = "refused: " + error.name));
  </script></body></html>`;
}

async function pageServer(html: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!hasChromium)(`CORS for browser dashboards${hasChromium ? "" : ` (skipped: no ${CHROMIUM})`}`, () => {
  let gateway: GraphQLTestServer;
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof pageServer>>;
  let other: Awaited<ReturnType<typeof pageServer>>;
  let token = "";

  beforeAll(async () => {
    allowed = await pageServer(() => dashboardPage(gateway.url, token));
    other = await pageServer(() => dashboardPage(gateway.url, token));
    gateway = await startGraphQLTestServer("pglite", {
      seed: TEST_SEED,
      env: { CORS_ORIGINS: `https://unused.example,${allowed.origin}` },
    });
    token = await gateway.tokenFor("admin@nordhafen.test");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await allowed?.close();
    await other?.close();
  });

  it("answers the preflight of an allowed origin with the methods and headers it may use, and of another without CORS headers", async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
      });
    const yes = await preflight(allowed.origin);
    expect(yes.status).toBe(204);
    expect(yes.headers.get("access-control-allow-origin")).toBe(allowed.origin);
    expect(yes.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
    expect(yes.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(yes.headers.get("vary")).toContain("Origin");
    const no = await preflight(other.origin);
    expect(no.status).toBe(204);
    expect(no.headers.get("access-control-allow-origin")).toBeNull();
    // A simple cross-origin POST (no preflight) is still refused by Apollo's CSRF prevention.
    const simple = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { origin: other.origin, "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(simple.status).toBe(400);
  });

  it(
    "lets a page on an allowed origin read the dashboard, and the browser refuses the same page elsewhere",
    { timeout: 60_000 },
    async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${allowed.origin}/`);
        await page.locator("#out").filter({ hasNotText: "waiting" }).waitFor({ timeout: 15_000 });
        expect(await page.locator("#out").textContent()).toBe("Nordhafen Logistik|tabnine:200");

        await page.goto(`${other.origin}/`);
        await page.locator("#out").filter({ hasNotText: "waiting" }).waitFor({ timeout: 15_000 });
        expect(await page.locator("#out").textContent()).toBe("refused: TypeError");
      } finally {
        await page.close();
      }
    },
  );
});
