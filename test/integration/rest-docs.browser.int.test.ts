import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, chromiumAvailable, launchChromium, localOnlyPage } from "../helpers/browser.js";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";

/**
 * The REST docs page (Swagger UI over /openapi.json) in a real headless Chromium: it renders the
 * three vendors' operations from the gateway's own assets, without any request leaving it.
 */

const hasChromium = chromiumAvailable("rest-docs.browser.int.test.ts");
describe.skipIf(!hasChromium)(`REST docs page in headless Chromium${hasChromium ? "" : ` (skipped: no ${CHROMIUM})`}`, () => {
  let server: GraphQLTestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", { seed: null });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders every vendor's operations from local assets only", { timeout: 60_000 }, async () => {
    const { page, requested, pageErrors } = await localOnlyPage(browser, server.url);

    const navigation = await page.goto(`${server.url}/docs`);
    expect(navigation?.status()).toBe(200);
    await page.locator(".opblock").first().waitFor({ state: "visible", timeout: 20_000 });

    const tags = await page.locator(".opblock-tag").allTextContents();
    for (const vendor of ["Teamwire", "Rocket.Chat", "Tabnine"]) expect(tags.join(" | ")).toContain(vendor);
    const paths = await page.locator(".opblock-summary-path").allTextContents();
    expect(paths.map((path) => path.replace(/\u200b/g, ""))).toEqual(
      expect.arrayContaining(["/v1/admin/stats/dashboard/", "/api/v1/statistics.list", "/api/v1/team/{teamId}/users"]),
    );
    expect(requested.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
    expect(requested).toContain(`${server.url}/openapi.json`);
    expect(pageErrors).toEqual([]);
  });
});
