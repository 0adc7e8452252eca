import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { cleanEnv, runCli } from "../helpers/cli.js";
import { startStubVendors, TABNINE_STUB_TOKEN, tabnineFixture, type StubVendors } from "../helpers/stub-vendors.js";
import { createOrganizationWithSource, TEST_CREDENTIALS_KEY } from "../helpers/sync.js";

const today = new Date().toISOString().slice(0, 10);
const since = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);

/** The summary row of a vendor: fetched, created, updated, skipped, failed. */
function row(stdout: string, name: string): number[] {
  const line = stdout.split("\n").find((l) => l.startsWith(name));
  if (!line) throw new Error(`no ${name} row in:\n${stdout}`);
  return line.slice(12).trim().split(/\s+/).map(Number);
}

describe("usage-gateway sync (embedded store)", () => {
  let dataDir: string;
  let stub: StubVendors;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ug-sync-cli-"));
    stub = await startStubVendors({ tabnine: tabnineFixture(today, 5) });
    const db = await openDatabase({ dataDir });
    try {
      await applyMigrations(db);
      await createOrganizationWithSource(db.prisma, {
        slug: "nordhafen",
        vendor: "TABNINE",
        baseUrl: stub.url,
        credentials: { token: TABNINE_STUB_TOKEN },
      });
    } finally {
      await db.close();
    }
    env = cleanEnv({ DATA_DIR: dataDir, SOURCE_CREDENTIALS_KEY: TEST_CREDENTIALS_KEY.toString("base64"), SYNC_TIMEOUT_MS: "2000" });
  });
  afterAll(async () => {
    await stub?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("a dry run prints what it would do and writes nothing", async () => {
    const result = await runCli(["sync", "--org", "nordhafen", "--vendor", "tabnine", "--since", since, "--dry-run"], env);
    expect(result.stderr).not.toMatch(/usage-gateway:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sync nordhafen \(dry run: nothing written\)/);
    expect(row(result.stdout, "TABNINE")[1]).toBeGreaterThan(10);
    const again = await runCli(["sync", "--org", "nordhafen", "--since", since, "--dry-run"], env);
    expect(row(again.stdout, "TABNINE")[1]).toBe(row(result.stdout, "TABNINE")[1]);
  });

  it("syncs, prints the summary, and a second run creates nothing", async () => {
    const first = await runCli(["sync", "--org", "nordhafen", "--vendor", "tabnine", "--since", since], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.split("\n")[1]).toMatch(/^source\s+fetched\s+created\s+updated\s+skipped\s+failed$/);
    const [fetched, created, , , failed] = row(first.stdout, "TABNINE");
    expect(created).toBeGreaterThan(10);
    expect(fetched).toBeGreaterThanOrEqual(created!);
    expect(failed).toBe(0);
    const second = await runCli(["sync", "--org", "nordhafen"], env);
    expect(second.code).toBe(0);
    const [, created2, updated2] = row(second.stdout, "total");
    expect([created2, updated2]).toEqual([0, 0]);
  });

  it("exits 2 with the failed units listed, and never prints the credentials", async () => {
    stub.faults.push({ path: /^\/api\/v1\/organization\/teams$/, kind: "500", times: 100 });
    const result = await runCli(
      ["sync", "--org", "nordhafen", "--since", since],
      cleanEnv({ ...env, SYNC_MAX_ATTEMPTS: "2", LOG_LEVEL: "debug" }),
    );
    stub.faults.length = 0;
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /errors \(recorded on the source; the next sync retries them\):\n {2}TABNINE directory \(teams and users\): GET \/api\/v1\/organization\/teams: HTTP 500/,
    );
    expect(result.stdout + result.stderr).not.toContain(TABNINE_STUB_TOKEN);
  });

  it("refuses bad options with one line", async () => {
    expect((await runCli(["sync", "--org", "nordhafen", "--vendor", "slack"], env)).stderr).toBe(
      'usage-gateway: --vendor must be teamwire, rocketchat or tabnine, not "slack"\n',
    );
    expect((await runCli(["sync", "--org", "nordhafen", "--since", "2025-13-01"], env)).stderr).toBe(
      'usage-gateway: --since must be a date YYYY-MM-DD, not "2025-13-01"\n',
    );
    expect((await runCli(["sync", "--org", "nowhere"], env)).stderr).toBe("usage-gateway: organization nowhere not found\n");
    expect((await runCli(["sync", "--org", "nordhafen", "--vendor", "teamwire"], env)).stderr).toMatch(/has no TEAMWIRE source registered/);
  });
});
