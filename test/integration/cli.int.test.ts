import { createServer, type Server } from "node:net";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiToken } from "../../src/auth/api-token.js";
import { verifyAccessToken } from "../../src/auth/jwt.js";
import { openDatabase } from "../../src/db/database.js";
import { SUPERADMIN_EMAIL } from "../../src/seed/directory.js";
import { spawn } from "node:child_process";
import { BIN, cleanEnv, runCli, startServe } from "../helpers/cli.js";
import { createTestStore, STORE_KINDS } from "../helpers/stores.js";

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "ug-cli-"));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** The lines a failed command wrote to stderr. */
const errorLines = (stderr: string) => stderr.split("\n").filter((line) => line.trim() !== "");

describe("npm start on an empty data directory (embedded store)", () => {
  let dataDir: string;

  it("migrates, loads the demo data, serves, becomes ready and stops cleanly on SIGTERM", async () => {
    dataDir = path.join(workDir, "fresh");
    const serve = await startServe(cleanEnv({ DATA_DIR: dataDir, PORT: "0" }), 240_000);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ready = await fetch(`${serve.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", store: "pglite" });
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
      const { stderr } = serve.output();
      expect(stderr).toContain(SUPERADMIN_EMAIL);
      expect(stderr).toContain("admin@nordhafen.test");
      expect(stderr).toMatch(/password "demo-password"/);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
    const { stdout } = serve.output();
    // Logs are JSON lines and never carry secrets.
    for (const line of stdout.split("\n").filter(Boolean)) expect((): unknown => JSON.parse(line)).not.toThrow();
    expect(stdout).not.toMatch(/scrypt\$|jwt-secret|Bearer /);
  });

  it("prints a JWT alone on stdout for a demo user, signed with the kept secret", async () => {
    const result = await runCli(["token", "--email", SUPERADMIN_EMAIL], cleanEnv({ DATA_DIR: dataDir }));
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(result.stdout).toBe(`${token}\n`);
    const secret = (await readFile(path.join(dataDir, "jwt-secret"), "utf8")).trim();
    const claims = verifyAccessToken(token, { secret, issuer: "usage-gateway", audience: "usage-gateway" });
    expect(claims.role).toBe("SUPERADMIN");
  });

  it("issues API tokens that are stored only as hashes", async () => {
    const result = await runCli(
      ["token", "--email", "admin@kestrel.test", "--kind", "api", "--ttl", "30d"],
      cleanEnv({ DATA_DIR: dataDir }),
    );
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^ugw_[\w-]{43}$/);
    const db = await openDatabase({ dataDir });
    try {
      const stored = await db.prisma.apiToken.findMany();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.tokenHash).toBe(hashApiToken(token));
      expect(JSON.stringify(stored)).not.toContain(token.slice(4));
      expect(stored[0]!.expiresAt!.getTime() - stored[0]!.createdAt.getTime()).toBe(30 * 86_400_000);
    } finally {
      await db.close();
    }
  });

  it("restarts on the same data without seeding again, and keeps other processes out of the embedded store", async () => {
    const serve = await startServe(cleanEnv({ DATA_DIR: dataDir, PORT: "0" }));
    try {
      expect(serve.output().stderr).toMatch(/demo data: present/);
      const token = await runCli(["token", "--email", SUPERADMIN_EMAIL], cleanEnv({ DATA_DIR: dataDir }));
      expect(token.code).toBe(1);
      expect(token.stdout).toBe("");
      expect(token.stderr).toMatch(/^usage-gateway: the embedded store in .* is in use by process \d+ .*login\(email, password\)\n$/);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});

describe("stopping while the demo data loads", () => {
  it("exits 0 on SIGTERM and rolls the half-loaded demo data back", async () => {
    const dataDir = path.join(workDir, "interrupted");
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: cleanEnv({ DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => chunk.toString().includes("seed: organization 2/3") && resolve()),
    );
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("demo data load interrupted and rolled back");
    const db = await openDatabase({ dataDir });
    try {
      expect(await db.prisma.organization.count()).toBe(0);
      expect(await db.prisma.usageEvent.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(STORE_KINDS.includes("postgres"))("npm start against PostgreSQL", () => {
  it("migrates a fresh database, serves ready, and stops cleanly", async () => {
    const store = await createTestStore("postgres", { migrate: false });
    await store.db.close();
    try {
      const serve = await startServe(
        cleanEnv({ DATABASE_URL: store.url!, DATA_DIR: path.join(workDir, "pg"), PORT: "0", SEED_ON_START: "none" }),
      );
      try {
        const ready = await fetch(`${serve.url}/readyz`);
        expect(await ready.json()).toMatchObject({ status: "ready", store: "postgres" });
      } finally {
        expect(await serve.stop()).toBe(0);
      }
    } finally {
      await store.dispose();
    }
  });
});

describe("start-up refuses bad configuration with one clear line", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      "a DATABASE_URL that is not PostgreSQL",
      { DATABASE_URL: "mysql://db/x" },
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [
      "an unreachable PostgreSQL",
      { DATABASE_URL: "postgresql://gw:secret-pw@127.0.0.1:1/nope" },
      /^usage-gateway: cannot use PostgreSQL at postgresql:\/\/gw:\*\*\*@127\.0\.0\.1:1\/nope: nothing accepts connections at 127\.0\.0\.1:1 \(is PostgreSQL running, and on that port\?\)$/m,
    ],
    ["a bad PORT", { PORT: "http" }, /PORT: must be a whole number/],
    ["production without JWT_SECRET", { NODE_ENV: "production" }, /JWT_SECRET: is required when NODE_ENV=production/],
  ];
  it.each(cases)("%s", async (_, env, message) => {
    const result = await runCli(["serve"], cleanEnv({ DATA_DIR: path.join(workDir, "bad"), ...env }));
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^usage-gateway: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain("secret-pw");
  });

  it("an unwritable DATA_DIR", async () => {
    const file = path.join(workDir, "a-file");
    await writeFile(file, "not a directory");
    const result = await runCli(["serve"], cleanEnv({ DATA_DIR: path.join(file, "data") }));
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringMatching(/^usage-gateway: DATA_DIR .*a-file\/data is not a writable directory \(ENOTDIR\)$/),
    ]);
  });

  it("a port that is already in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(["serve"], cleanEnv({ DATA_DIR: path.join(workDir, "port"), PORT: String(port), SEED_ON_START: "none" }));
      expect(result.code).toBe(1);
      expect(errorLines(result.stderr)).toEqual([`usage-gateway: port ${port} on 127.0.0.1 is already in use (set PORT to another port)`]);
    } finally {
      blocker.close();
    }
  });

  it("seed options out of range, and a token for nobody", async () => {
    const seed = await runCli(["seed", "--organizations", "0"], cleanEnv({ DATA_DIR: path.join(workDir, "seed") }));
    expect(seed.code).toBe(1);
    expect(seed.stderr).toBe("usage-gateway: organizations must be at least 1\n");
    const token = await runCli(["token", "--email", "nobody@example.test"], cleanEnv({ DATA_DIR: path.join(workDir, "seed") }));
    expect(token.code).toBe(1);
    expect(token.stdout).toBe("");
    expect(token.stderr).toBe("usage-gateway: no user with email nobody@example.test\n");
  });
});
