import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, chromiumAvailable, launchChromium, localOnlyPage } from "../helpers/browser.js";
import { DEMO_PASSWORD } from "../../src/seed/directory.js";
import { startGraphQLTestServer, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";

/**
 * GraphiQL in a real headless Chromium: the page at GET /graphql loads from local assets only, signs in
 * with email and password (the token is then sent with every request) and runs its example query.
 * Set GRAPHIQL_SCREENSHOT=<file.png> to keep a screenshot of the page after the query ran.
 */

const hasChromium = chromiumAvailable("graphiql.browser.int.test.ts");

describe.skipIf(!hasChromium)(`GraphiQL in headless Chromium${hasChromium ? "" : ` (skipped: no ${CHROMIUM})`}`, () => {
  let server: GraphQLTestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", { seed: TEST_SEED });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in with email and password, runs the example query and opens Docs, from the gateway alone", { timeout: 60_000 }, async () => {
    const { page, requested, pageErrors } = await localOnlyPage(browser, server.url);
    // An Authorization header kept in local storage by an earlier page must not override the sign-in.
    type PageGlobals = { localStorage: { setItem(key: string, value: string): void } };
    await page.addInitScript(
      (value) => (globalThis as unknown as PageGlobals).localStorage.setItem("graphiql:headers", value),
      JSON.stringify({ Authorization: "Bearer stale.token.kept-by-an-earlier-page", "X-Trace": "kept" }),
    );

    const navigation = await page.goto(`${server.url}/graphql`);
    expect(navigation?.status()).toBe(200);
    expect(navigation?.headers()["content-type"]).toContain("text/html");
    await expect(page.title()).resolves.toBe("Usage Gateway · GraphiQL");

    const form = page.locator("#sign-in");
    await form.getByLabel("Email").fill("admin@nordhafen.test");
    await form.getByLabel("Password").fill("wrong-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await form.getByRole("alert").filter({ hasText: /./ }).waitFor({ timeout: 10_000 });
    await form.getByLabel("Password").fill(DEMO_PASSWORD);
    await form.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Signed in as").waitFor({ timeout: 15_000 });
    await expect(page.locator("#who").textContent()).resolves.toContain("admin@nordhafen.test");
    await expect(form.isVisible()).resolves.toBe(false);

    const execute = page.locator(".graphiql-execute-button");
    await execute.waitFor({ state: "visible", timeout: 15_000 });

    const graphqlResponse = page.waitForResponse(
      (response) => response.url() === `${server.url}/graphql` && response.request().method() === "POST",
    );
    await execute.click();
    const response = await graphqlResponse;
    expect(response.status()).toBe(200);
    expect(response.request().headers().authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(response.request().headers().authorization).not.toContain("stale");
    expect(response.request().headers()["x-trace"]).toBe("kept");

    const result = page.locator(".graphiql-response");
    await result.getByText("Nordhafen Logistik").first().waitFor({ timeout: 15_000 });
    // The result editor renders only the lines in view: read the whole text from CodeMirror.
    const text = await result
      .locator(".CodeMirror")
      .evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    const body = JSON.parse(text) as { data?: { viewer?: { organization?: { name?: string } } }; errors?: unknown };
    expect(body.errors, text).toBeUndefined();
    expect(body.data?.viewer?.organization?.name).toBe("Nordhafen Logistik");

    // The Docs panel shows the schema (its introspection carries the token too).
    await page.getByRole("button", { name: /Show Documentation Explorer/i }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor({ timeout: 15_000 });
    await expect(page.getByText("Error fetching schema").count()).resolves.toBe(0);

    const screenshot = process.env.GRAPHIQL_SCREENSHOT;
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await form.waitFor({ state: "visible", timeout: 10_000 });

    expect(pageErrors).toEqual([]);
    expect(requested.length).toBeGreaterThan(4);
    expect(requested.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
    await page.close();
  });
});
