import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, driven by playwright-core (installed by .ci/run when missing). */
export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Whether browser tests can run here; warns once per test file when they cannot. */
export function chromiumAvailable(testFile: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available) console.warn(`${testFile} skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);
  return available;
}

/** A headless Chromium with a fresh temporary profile (deleted on close). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * A page that may only reach `baseUrl`: every other request is aborted (never sent) and
 * recorded with the rest in `requested`; uncaught page errors land in `pageErrors`.
 */
export async function localOnlyPage(browser: Browser, baseUrl: string): Promise<{ page: Page; requested: string[]; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.route("**/*", (route) => (route.request().url().startsWith(`${baseUrl}/`) ? route.continue() : route.abort()));
  return { page, requested, pageErrors };
}
