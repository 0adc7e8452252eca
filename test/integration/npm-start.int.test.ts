import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv } from "../helpers/cli.js";

// `npm start` is one gateway process (npm → sh exec → node): a SIGTERM to npm reaches it, it stops,
// releases the embedded store's lock, and leaves no process behind that still answers.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("npm start and signals", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ug-npm-start-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("forwards SIGTERM from npm to the gateway, which exits and releases the store", { timeout: 180_000 }, async () => {
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: cleanEnv({ DATA_DIR: dataDir, PORT: "0", SEED_ON_START: "none" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => npm.on("close", resolve));
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not get ready; stderr: ${stderr}`)), 150_000);
      npm.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /ready at (http:\/\/\S+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      void exited.then((code) => reject(new Error(`npm start exited with ${code}; stderr: ${stderr}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(existsSync(path.join(dataDir, "gateway.pid"))).toBe(true);

    npm.kill("SIGTERM");
    await exited;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(existsSync(path.join(dataDir, "gateway.pid"))).toBe(false);
  });
});
