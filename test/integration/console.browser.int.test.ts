import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConsole } from "../../console/build.js";
import { signAccessToken } from "../../src/auth/jwt.js";
import {
  ExportActiveUsersDocument,
  ExportOrganizationUsageDocument,
  ExportTeamsWithUsageDocument,
  ExportTeamUsageDocument,
  ExportUserUsageDocument,
  type Resolution,
  type UsageMetric,
  type Vendor,
} from "../../src/export/__generated__/operations.js";
import { DEMO_PASSWORD, SUPERADMIN_EMAIL } from "../../src/seed/directory.js";
import { CHROMIUM, chromiumAvailable, launchChromium, localOnlyPage } from "../helpers/browser.js";
import { expectNoErrors, startGraphQLTestServer, TEST_JWT, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";

/**
 * The usage console at /console in a real headless Chromium, against a seeded gateway: every number
 * on the page (through each chart's table view) and in every downloaded CSV is compared with the same
 * GraphQL question asked by the test. The browser's clock is the seed's last day, so the range
 * presets land on seeded history. Screenshots go to CONSOLE_SCREENSHOTS (default .ci/screenshots).
 */

const hasChromium = chromiumAvailable("console.browser.int.test.ts");
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ?? path.join(".ci", "screenshots");
const NOW = new Date(`${TEST_SEED.endDate}T12:00:00.000Z`);
const ADMIN = "admin@nordhafen.test";
/** A series colour each checked chart draws (console/src/format.ts and the views). */
const TEAMWIRE = "#1f6fd1";
const COLOR = {
  "usage-messages": TEAMWIRE,
  "usage-active-users": "#7b42d6",
  "devices-os": "#2f7f9f",
  "active-users-daily": "#2d3a4a",
  "person-teamwire": "#1f6fd1",
} as const;

type Cells = Record<string, Record<string, number>>;
/** The little of the DOM the page-side callbacks use (the test compiles without the DOM library). */
type DomNode = {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
};
type PageGlobals = { sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } };

/** A chart's numbers through its "Table view": row key (bucket start, day, …) → series key → value. */
async function chartTable(page: Page, panel: string): Promise<Cells> {
  const section = page.locator(`[data-panel="${panel}"]`);
  const toggle = section.getByRole("button", { name: "Table view" });
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
  const table = section.locator(`table[data-table="${panel}"]`);
  await table.waitFor();
  return table.evaluate((element) => {
    const cells: Record<string, Record<string, number>> = {};
    for (const row of Array.from((element as unknown as DomNode).querySelectorAll("tbody tr"))) {
      const key = row.getAttribute("data-key")!;
      cells[key] = {};
      for (const cell of Array.from(row.querySelectorAll("td")))
        cells[key][cell.getAttribute("data-series")!] = Number(cell.getAttribute("data-value"));
    }
    return cells;
  });
}

/** The same cells from a GraphQL usage series: bucket start → `VENDOR:METRIC` → value. */
function usageCells(points: readonly { from: string; values: readonly { vendor: Vendor; metric: UsageMetric; value: number }[] }[]): Cells {
  return Object.fromEntries(
    points.map((point) => [point.from, Object.fromEntries(point.values.map((v) => [`${v.vendor}:${v.metric}`, v.value]))]),
  );
}

/** Waits until a chart has drawn a series in `color` (an SVG line or bar of that colour). */
async function drawn(page: Page, panel: keyof typeof COLOR): Promise<void> {
  const color = COLOR[panel];
  const paths = page.locator(`[data-panel="${panel}"] .echart svg`).locator(`path[stroke="${color}"], path[fill="${color}"]`);
  await paths.first().waitFor({ state: "attached", timeout: 60_000 });
}

/** The range the page shows (the range bar's output carries it). */
async function shownRange(page: Page): Promise<{ from: string; to: string; resolution: Resolution }> {
  const output = page.locator("output.range-shown");
  return {
    from: (await output.getAttribute("data-from"))!,
    to: (await output.getAttribute("data-to"))!,
    resolution: (await output.getAttribute("data-resolution")) as Resolution,
  };
}

/** Clicks a panel's download button and returns the saved file's name and text. */
async function download(page: Page, panel: string): Promise<{ name: string; text: string; url: string }> {
  const saved = page.waitForEvent("download");
  const exported = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith("/export/"));
  await page
    .locator(`[data-panel="${panel}"]`)
    .getByRole("button", { name: /^Download .* as CSV$/ })
    .click();
  const [file, response] = await Promise.all([saved, exported]);
  expect(response.status()).toBe(200);
  expect(response.request().headers().authorization).toMatch(/^Bearer /);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8"), url: response.url() };
}

/** CSV rows as arrays (these exports hold no quoted fields: ids, dates, enums and numbers). */
const csvRows = (text: string) =>
  text
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `console-${name}.png`), fullPage: true });
}

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.clock.setFixedTime(NOW);
  const navigation = await page.goto(`${baseUrl}/console`);
  expect(navigation?.status()).toBe(200);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Sign in" }) });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(DEMO_PASSWORD);
  await form.getByLabel("Password").press("Enter");
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 60_000 });
}

describe.skipIf(!hasChromium)(`the usage console in headless Chromium${hasChromium ? "" : ` (skipped: no ${CHROMIUM})`}`, () => {
  let server: GraphQLTestServer;
  let browser: Browser;

  beforeAll(async () => {
    // What `npm install` builds, from the sources under test.
    await buildConsole();
    server = await startGraphQLTestServer("pglite", { seed: TEST_SEED });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "an admin signs in, reads the overview, changes range and resolution, opens a team and a person, downloads CSVs and signs out",
    { timeout: 240_000 },
    async () => {
      const token = await server.tokenFor(ADMIN);
      const { page, requested, pageErrors } = await localOnlyPage(browser, server.url);
      // The overview asks several operations at once; on a busy 2-core machine they take a while.
      page.setDefaultTimeout(60_000);
      await page.clock.setFixedTime(NOW);

      const navigation = await page.goto(`${server.url}/console`);
      expect(navigation?.status()).toBe(200);
      expect(navigation?.headers()["content-security-policy"]).toContain("default-src 'self'");
      await expect(page.title()).resolves.toBe("Usage Gateway · Console");

      // A wrong password is refused with the gateway's message; the form is used from the keyboard.
      const email = page.getByLabel("Email");
      await email.focus();
      await page.keyboard.type(ADMIN);
      await page.keyboard.press("Tab");
      await page.keyboard.type("wrong-password");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: /./ }).waitFor({ timeout: 10_000 });
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 60_000 });
      await expect(page.locator("[data-viewer]").textContent()).resolves.toMatch(/· ADMIN$/);
      await expect(page.locator("header.top").textContent()).resolves.toContain("Nordhafen Logistik");

      // Overview, default range: the last 30 days up to the (browser's) today, daily.
      const range = await shownRange(page);
      expect(range).toEqual({ from: "2025-02-04T00:00:00.000Z", to: "2025-03-06T00:00:00.000Z", resolution: "DAY" });
      await drawn(page, "usage-messages");
      await drawn(page, "devices-os");
      await drawn(page, "active-users-daily");
      await page.locator('[data-panel="licenses"] meter').first().waitFor();
      await screenshot(page, "overview");

      // Everything over the range in one ZIP, as /export/organization.zip makes it.
      const zipSaved = page.waitForEvent("download");
      await page.getByRole("button", { name: /^Download all \(ZIP\)/ }).click();
      const zip = await zipSaved;
      expect(zip.suggestedFilename()).toMatch(/^organization-nordhafen.*-2025-02-04-2025-03-06\.zip$/);
      const entries = unzipSync(new Uint8Array(await readFile(await zip.path())));
      expect(Object.keys(entries)).toEqual(expect.arrayContaining(["usage.csv", "active-users.csv", "users.csv", "teams.csv"]));

      const organizationUsage = async (from: string, to: string, resolution: Resolution, metrics: UsageMetric[]) => {
        const data = expectNoErrors(await server.request(ExportOrganizationUsageDocument, { from, to, resolution, metrics }, token));
        return usageCells(data.organization!.usage.points);
      };
      const activeUsers = await organizationUsage(range.from, range.to, "DAY", ["ACTIVE_USERS"]);
      expect(Object.keys(activeUsers)).toHaveLength(30);
      expect(Object.values(activeUsers).some((values) => Object.values(values).some((value) => value > 0))).toBe(true);
      await expect(chartTable(page, "usage-active-users")).resolves.toEqual(activeUsers);
      await expect(chartTable(page, "usage-messages")).resolves.toEqual(
        await organizationUsage(range.from, range.to, "DAY", ["MESSAGES_SENT"]),
      );
      await expect(chartTable(page, "usage-ai")).resolves.toEqual(
        await organizationUsage(range.from, range.to, "DAY", ["CODE_COMPLETIONS", "CHAT_INTERACTIONS"]),
      );

      // Active users of the month (any vendor and per vendor), as GraphQL counts them.
      const daily = await chartTable(page, "active-users-daily");
      for (const vendor of [undefined, "TEAMWIRE", "ROCKETCHAT", "TABNINE"] as const) {
        const data = expectNoErrors(await server.request(ExportActiveUsersDocument, { year: 2025, month: 3, vendor }, token));
        expect(Object.fromEntries(Object.entries(daily).map(([date, values]) => [date, values[vendor ?? "ALL"]]))).toEqual(
          Object.fromEntries(data.organization!.activeUsers.points.map((point) => [point.date, point.count])),
        );
      }
      const activeUsersCsv = await download(page, "active-users-daily");
      expect(activeUsersCsv.name).toMatch(/^active-users-nordhafen.*-2025-03\.csv$/);
      const activeRows = csvRows(activeUsersCsv.text);
      expect(activeRows[0]).toEqual(["date", "vendor", "active_users"]);
      expect(activeRows.slice(1).map(([date, vendor, count]) => [date, vendor || "ALL", Number(count)])).toEqual(
        ["ALL", "TEAMWIRE", "ROCKETCHAT", "TABNINE"].flatMap((vendor) =>
          Object.entries(daily).map(([date, values]) => [date, vendor, values[vendor]]),
        ),
      );

      // 7 days, then weekly buckets: fewer, larger buckets, still GraphQL's numbers.
      await page.getByRole("button", { name: "7 days" }).click();
      await page.getByLabel("Resolution").selectOption("WEEK");
      await expect
        .poll(() => shownRange(page))
        .toEqual({ from: "2025-02-27T00:00:00.000Z", to: "2025-03-06T00:00:00.000Z", resolution: "WEEK" });
      const weekly = await organizationUsage("2025-02-27T00:00:00.000Z", "2025-03-06T00:00:00.000Z", "WEEK", ["MESSAGES_SENT"]);
      expect(Object.keys(weekly)).toEqual(["2025-02-27T00:00:00.000Z", "2025-03-03T00:00:00.000Z"]);
      await expect(chartTable(page, "usage-messages")).resolves.toEqual(weekly);
      const dailyWeek = await organizationUsage("2025-02-27T00:00:00.000Z", "2025-03-06T00:00:00.000Z", "DAY", ["MESSAGES_SENT"]);
      const firstWeekSum = ["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"].reduce(
        (sum, day) => sum + (dailyWeek[`${day}T00:00:00.000Z`]?.["TEAMWIRE:MESSAGES_SENT"] ?? 0),
        0,
      );
      expect(weekly["2025-02-27T00:00:00.000Z"]?.["TEAMWIRE:MESSAGES_SENT"]).toBe(firstWeekSum);

      // A custom range by month; its CSV download has the chart's rows.
      await page.getByRole("button", { name: "Custom" }).click();
      await page.getByLabel("First day").fill("2025-01-20");
      await page.getByLabel("Last day").fill("2025-03-04");
      await page.getByLabel("Resolution").selectOption("MONTH");
      await expect
        .poll(() => shownRange(page))
        .toEqual({ from: "2025-01-20T00:00:00.000Z", to: "2025-03-05T00:00:00.000Z", resolution: "MONTH" });
      const monthly = await organizationUsage("2025-01-20T00:00:00.000Z", "2025-03-05T00:00:00.000Z", "MONTH", ["MESSAGES_SENT"]);
      expect(Object.keys(monthly)).toHaveLength(3);
      await expect(chartTable(page, "usage-messages")).resolves.toEqual(monthly);
      const usageCsv = await download(page, "usage-messages");
      expect(usageCsv.name).toMatch(/^usage-nordhafen.*-2025-01-20-2025-03-05\.csv$/);
      const usageRows = csvRows(usageCsv.text);
      expect(usageRows[0]).toEqual(["bucket_start", "bucket_end", "vendor", "metric", "value"]);
      const fromCsv: Cells = {};
      for (const [start, , vendor, metric, value] of usageRows.slice(1)) (fromCsv[start!] ??= {})[`${vendor}:${metric}`] = Number(value);
      expect(fromCsv).toEqual(monthly);

      // Berlin days: the range starts at local midnights, buckets follow them, and so does the CSV.
      await page.getByRole("button", { name: "7 days" }).click();
      await page.getByLabel("Resolution").selectOption("DAY");
      await page.getByLabel("Time zone").selectOption("Europe/Berlin");
      await expect
        .poll(() => shownRange(page))
        .toEqual({ from: "2025-02-26T23:00:00.000Z", to: "2025-03-05T23:00:00.000Z", resolution: "DAY" });
      const berlin = usageCells(
        expectNoErrors(
          await server.request(
            ExportOrganizationUsageDocument,
            {
              from: "2025-02-26T23:00:00.000Z",
              to: "2025-03-05T23:00:00.000Z",
              resolution: "DAY",
              timeZone: "Europe/Berlin",
              metrics: ["MESSAGES_SENT"],
            },
            token,
          ),
        ).organization!.usage.points,
      );
      expect(Object.keys(berlin)).toHaveLength(7);
      expect(berlin).not.toEqual(await organizationUsage("2025-02-27T00:00:00.000Z", "2025-03-06T00:00:00.000Z", "DAY", ["MESSAGES_SENT"]));
      await expect(chartTable(page, "usage-messages")).resolves.toEqual(berlin);
      const berlinCsv = await download(page, "usage-messages");
      expect(new URL(berlinCsv.url).searchParams.get("timeZone")).toBe("Europe/Berlin");
      const fromBerlinCsv: Cells = {};
      for (const [start, , vendor, metric, value] of csvRows(berlinCsv.text).slice(1))
        (fromBerlinCsv[start!] ??= {})[`${vendor}:${metric}`] = Number(value);
      expect(fromBerlinCsv).toEqual(berlin);

      // Back to 30 UTC days for the team and the person.
      await page.getByLabel("Time zone").selectOption("UTC");
      await page.getByRole("button", { name: "30 days" }).click();
      await expect.poll(() => shownRange(page)).toEqual(range);

      // Teams: the table's member counts and usage totals are GraphQL's; sorting reorders it.
      await page.getByRole("link", { name: "Teams" }).click();
      const teamsTable = page.locator('table[data-table="teams"]');
      await teamsTable.waitFor({ timeout: 60_000 });
      const teams = expectNoErrors(
        await server.request(ExportTeamsWithUsageDocument, { first: 500, from: range.from, to: range.to }, token),
      ).organization!.teams.nodes;
      expect(teams.length).toBeGreaterThan(1);
      const teamCells = await teamsTable.evaluate((element) =>
        Array.from((element as unknown as DomNode).querySelectorAll("tbody tr")).map((row) => ({
          id: row.getAttribute("data-key"),
          members: Number(row.querySelector('[data-column="members"]')?.getAttribute("data-value")),
          registered: Number(row.querySelector('[data-column="registered"]')?.getAttribute("data-value")),
          completions: Number(row.querySelector('[data-column="TABNINE:CODE_COMPLETIONS"]')?.getAttribute("data-value")),
        })),
      );
      expect(teamCells.map((row) => row.id)).toEqual([...teams].sort((a, b) => a.name.localeCompare(b.name)).map((team) => team.id));
      for (const team of teams) {
        const completions = team.usage.totals.find((value) => value.vendor === "TABNINE" && value.metric === "CODE_COMPLETIONS")?.value;
        expect(teamCells.find((row) => row.id === team.id)).toEqual({
          id: team.id,
          members: team.usersCount,
          registered: team.utilization.registered,
          completions,
        });
      }
      const membersHeader = teamsTable.getByRole("columnheader", { name: /Members/ });
      await membersHeader.getByRole("button").focus();
      await page.keyboard.press("Enter");
      await expect(membersHeader.getAttribute("aria-sort")).resolves.toBe("descending");
      const sortedMembers = await teamsTable
        .locator('td[data-column="members"]')
        .evaluateAll((cells) => (cells as unknown as DomNode[]).map((cell) => Number(cell.getAttribute("data-value"))));
      expect(sortedMembers).toEqual([...sortedMembers].sort((a, b) => b - a));
      const teamsCsv = await download(page, "teams");
      const teamRows = csvRows(teamsCsv.text);
      expect(teamRows).toHaveLength(teams.length + 1);
      const membersColumn = teamRows[0]!.indexOf("members");
      for (const row of teamRows.slice(1)) expect(Number(row[membersColumn])).toBe(teams.find((team) => team.id === row[0])?.usersCount);
      await screenshot(page, "teams");

      // A team: its usage chart is team(id).usage.
      const team = teams.find((candidate) => candidate.usersCount > 0)!;
      await teamsTable.getByRole("link", { name: team.name, exact: true }).click();
      await page.getByRole("heading", { level: 2, name: team.name }).waitFor({ timeout: 60_000 });
      const teamUsage = expectNoErrors(
        await server.request(
          ExportTeamUsageDocument,
          { teamId: team.id, from: range.from, to: range.to, resolution: "DAY", metrics: ["ACTIVE_USERS"] },
          token,
        ),
      );
      await expect(chartTable(page, "team-usage-active-users")).resolves.toEqual(usageCells(teamUsage.team!.usage.points));
      await expect.poll(() => page.locator('table[data-table="team-members"] tbody tr').count()).toBe(team.usersCount);
      const membersCsv = await download(page, "team-members");
      expect(new URL(membersCsv.url).searchParams.get("team")).toBe(team.id);
      const memberRows = csvRows(membersCsv.text);
      expect(memberRows).toHaveLength(team.usersCount + 1);
      const teamIdColumn = memberRows[0]!.indexOf("team_id");
      expect(new Set(memberRows.slice(1).map((row) => row[teamIdColumn]))).toEqual(new Set([team.id]));
      await screenshot(page, "team");

      // Users: search by email narrows the table; the default order is by last activity.
      await page.getByRole("link", { name: "Users", exact: true }).click();
      const usersTable = page.locator('table[data-table="users"]');
      await usersTable.waitFor({ timeout: 60_000 });
      const lastActive = await usersTable
        .locator('td[data-column="lastActive"]')
        .evaluateAll((cells) => (cells as unknown as DomNode[]).map((cell) => cell.getAttribute("data-value")).filter(Boolean));
      expect(lastActive.length).toBeGreaterThan(3);
      expect(lastActive).toEqual([...lastActive].sort().reverse());
      const person = await server.store.db.prisma.user.findFirstOrThrow({
        where: {
          email: { endsWith: "@nordhafen.test" },
          role: "MEMBER",
          AND: [
            { identities: { some: { vendor: "TABNINE" } } },
            { identities: { some: { vendor: "TEAMWIRE" } } },
            { identities: { some: { vendor: "ROCKETCHAT" } } },
          ],
        },
        include: { identities: true },
        orderBy: { email: "asc" },
      });
      await page.getByLabel("Search by name or email").fill(person.email.slice(0, -4).toUpperCase());
      await expect.poll(() => usersTable.locator("tbody tr").count()).toBe(1);
      await screenshot(page, "users");
      await usersTable.getByRole("link", { name: `${person.firstName} ${person.lastName}` }).click();

      // The person: one column per vendor with that vendor's identity and activity.
      await page.getByRole("heading", { level: 2, name: `${person.firstName} ${person.lastName}` }).waitFor({ timeout: 60_000 });
      for (const identity of person.identities) {
        await expect(page.locator(`.identity[data-vendor="${identity.vendor}"] code`).textContent()).resolves.toBe(identity.externalId);
      }
      const personUsage = expectNoErrors(
        await server.request(
          ExportUserUsageDocument,
          {
            userId: person.id,
            from: range.from,
            to: range.to,
            resolution: "DAY",
            vendor: "TABNINE",
            metrics: ["CODE_COMPLETIONS", "CHAT_INTERACTIONS"],
          },
          token,
        ),
      );
      const tabnineCells = usageCells(personUsage.user!.usage.points);
      await expect(chartTable(page, "person-tabnine")).resolves.toEqual(tabnineCells);
      const completions = Object.values(tabnineCells).reduce((sum, values) => sum + (values["TABNINE:CODE_COMPLETIONS"] ?? 0), 0);
      await expect(page.locator('[data-total="TABNINE:CODE_COMPLETIONS"]').textContent()).resolves.toBe(completions.toLocaleString("en"));
      await drawn(page, "person-teamwire");
      await screenshot(page, "person");
      const personCsv = await download(page, "person-tabnine");
      expect(new URL(personCsv.url).searchParams.get("user")).toBe(person.id);
      const personRows = csvRows(personCsv.text).slice(1);
      const fromPersonCsv: Cells = {};
      for (const [start, , vendor, metric, value] of personRows) (fromPersonCsv[start!] ??= {})[`${vendor}:${metric}`] = Number(value);
      expect(fromPersonCsv).toEqual(tabnineCells);

      // Signing out forgets the token.
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await expect(page.getByRole("status").textContent()).resolves.toContain("signed out");
      await expect(
        page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.getItem("usage-gateway:token")),
      ).resolves.toBeNull();

      expect(pageErrors).toEqual([]);
      expect(requested.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
      await page.close();
    },
  );

  it("a SUPERADMIN switches organization and sees that organization's numbers", { timeout: 180_000 }, async () => {
    const token = await server.tokenFor(SUPERADMIN_EMAIL);
    const { page, pageErrors } = await localOnlyPage(browser, server.url);
    // The overview asks several operations at once; on a busy 2-core machine they take a while.
    page.setDefaultTimeout(60_000);
    await signIn(page, server.url, SUPERADMIN_EMAIL);
    await expect(page.locator("[data-viewer]").textContent()).resolves.toMatch(/· SUPERADMIN$/);
    const organizations = await server.store.db.prisma.organization.findMany({ orderBy: { name: "asc" } });
    const picker = page.getByLabel("Organization", { exact: true });
    await expect.poll(() => picker.locator("option").count()).toBe(organizations.length);
    const own = (await server.store.db.prisma.user.findUniqueOrThrow({ where: { email: SUPERADMIN_EMAIL } })).organizationId;
    const other = organizations.find((organization) => organization.id !== own)!;
    await picker.selectOption(other.id);
    await drawn(page, "usage-active-users");

    const range = await shownRange(page);
    const response = await server.request(
      ExportOrganizationUsageDocument,
      { organizationId: other.id, ...range, metrics: ["ACTIVE_USERS"] },
      token,
    );
    const expected = usageCells(expectNoErrors(response).organization!.usage.points);
    await expect(chartTable(page, "usage-active-users")).resolves.toEqual(expected);
    const csv = await download(page, "usage-active-users");
    expect(new URL(csv.url).searchParams.get("organization")).toBe(other.id);
    expect(csv.name).toContain(other.slug);
    await screenshot(page, "superadmin");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("an expired token goes back to sign-in with a message", { timeout: 60_000 }, async () => {
    const user = await server.store.db.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } });
    const expired = signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, TEST_JWT, -60);
    const { page, pageErrors } = await localOnlyPage(browser, server.url);
    // The overview asks several operations at once; on a busy 2-core machine they take a while.
    page.setDefaultTimeout(60_000);
    await page.addInitScript(
      (value) => (globalThis as unknown as PageGlobals).sessionStorage.setItem("usage-gateway:token", value),
      expired,
    );
    await page.goto(`${server.url}/console`);
    await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 60_000 });
    await expect(page.getByRole("status").textContent()).resolves.toContain("Your session has ended");
    await screenshot(page, "session-ended");
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
