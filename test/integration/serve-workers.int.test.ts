import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli, startServe, type ServeProcess } from "../helpers/cli.js";
import { createTestStore, POSTGRES_URL, type TestStore } from "../helpers/stores.js";

const run = promisify(execFile);

/** The gateway worker processes of a primary (node processes whose parent it is). */
async function workersOf(primary: number): Promise<number[]> {
  const { stdout } = await run("ps", ["-o", "pid=,args=", "--ppid", String(primary)]).catch(() => ({ stdout: "" }));
  return stdout
    .split("\n")
    .filter((line) => line.includes("usage-gateway.js serve"))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("serve --workers", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ug-workers-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("refuses more than one worker on the embedded store, and a bad count, in one line", async () => {
    const embedded = await runCli(["serve", "--workers", "2"], cleanEnv({ DATA_DIR: dataDir, PORT: "0", SEED_ON_START: "none" }));
    expect(embedded.code).toBe(1);
    expect(embedded.stderr.trim()).toBe(
      "usage-gateway: --workers above 1 needs PostgreSQL (DATABASE_URL): the embedded store can be opened by one process only",
    );
    const zero = await runCli(["serve", "--workers", "0"], cleanEnv({ DATA_DIR: dataDir, PORT: "0" }));
    expect(zero.code).toBe(1);
    expect(zero.stderr).toMatch(/--workers must be a whole number from 1 to 64, or auto/);
  });

  describe.skipIf(!POSTGRES_URL)("on PostgreSQL", () => {
    let store: TestStore;
    let serve: ServeProcess | undefined;
    beforeAll(async () => {
      store = await createTestStore("postgres");
    }, 60_000);
    afterAll(async () => {
      serve?.child.kill("SIGKILL");
      await store?.dispose();
    });

    it(
      "serves from N worker processes on one port, replaces a worker that dies, and stops them all on SIGTERM",
      { timeout: 300_000 },
      async () => {
        const env = cleanEnv({ DATABASE_URL: store.url!, DATA_DIR: dataDir, PORT: "0", SEED_ON_START: "none" });
        serve = await startServe(env, 240_000, ["--workers", "2"]);
        expect(serve.output().stderr).toContain(`ready at ${serve.url} (2 worker processes)`);
        const primary = serve.child.pid!;
        const first = await workersOf(primary);
        expect(first).toHaveLength(2);
        const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${serve!.url}/readyz`)));
        expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));

        process.kill(first[0]!, "SIGKILL");
        const replaced = await until("a replacement worker", async () => {
          const now = await workersOf(primary);
          return now.length === 2 && !now.includes(first[0]!) ? now : undefined;
        });
        expect(replaced).toContain(first[1]);
        await until("the replacement to answer", async () => ((await fetch(`${serve!.url}/healthz`)).status === 200 ? true : undefined));

        // A signal to the whole process group reaches the workers too: they leave stopping to the primary.
        process.kill(replaced[0]!, "SIGTERM");
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect(await workersOf(primary)).toEqual(replaced);

        expect(await serve.stop()).toBe(0);
        serve = undefined;
        for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
      },
    );
  });
});
