import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, chromiumAvailable, launchChromium, localOnlyPage } from "../helpers/browser.js";
import { startGraphQLTestServer, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";

/**
 * GraphiQL in a real headless Chromium: the page at GET /graphql loads from local assets only,
 * takes a bearer token in its headers editor and runs its example query against the gateway.
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

  it("loads from the gateway alone and runs the example query with a bearer token", { timeout: 60_000 }, async () => {
    const token = await server.tokenFor("admin@nordhafen.test");
    const { page, requested, pageErrors } = await localOnlyPage(browser, server.url);

    // GraphiQL reads its headers from local storage (the page sets shouldPersistHeaders).
    const headers = JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);
    // (The function runs in the page; this project's tsconfig has no DOM types, hence the cast.)
    type PageGlobals = { localStorage: { setItem(key: string, value: string): void } };
    await page.addInitScript((value) => (globalThis as unknown as PageGlobals).localStorage.setItem("graphiql:headers", value), headers);

    const navigation = await page.goto(`${server.url}/graphql`);
    expect(navigation?.status()).toBe(200);
    expect(navigation?.headers()["content-type"]).toContain("text/html");
    await expect(page.title()).resolves.toBe("Usage Gateway · GraphiQL");

    const execute = page.locator(".graphiql-execute-button");
    await execute.waitFor({ state: "visible", timeout: 15_000 });
    await expect(page.locator(".graphiql-editor-tool").first().textContent()).resolves.toContain("Authorization");

    const graphqlResponse = page.waitForResponse(
      (response) => response.url() === `${server.url}/graphql` && response.request().method() === "POST",
    );
    await execute.click();
    const response = await graphqlResponse;
    expect(response.status()).toBe(200);
    expect(response.request().headers().authorization).toBe(`Bearer ${token}`);

    const result = page.locator(".graphiql-response");
    await result.getByText("Nordhafen Logistik").first().waitFor({ timeout: 15_000 });
    // The result editor renders only the lines in view: read the whole text from CodeMirror.
    const text = await result
      .locator(".CodeMirror")
      .evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    const body = JSON.parse(text) as { data?: { viewer?: { organization?: { name?: string } } }; errors?: unknown };
    expect(body.errors, text).toBeUndefined();
    expect(body.data?.viewer?.organization?.name).toBe("Nordhafen Logistik");

    const screenshot = process.env.GRAPHIQL_SCREENSHOT;
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

    expect(pageErrors).toEqual([]);
    expect(requested.length).toBeGreaterThan(4);
    expect(requested.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
    await page.close();
  });
});
