import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_BUILD_COMMAND, mountConsole } from "./mount.js";

/** An app with only the console mounted over `assets`, listening on a free port. */
async function serve(assets: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  mountConsole(app, assets);
  app.get("/docs", (_req, res) => void res.type("html").send("<script>inline()</script>"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("mountConsole", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ug-console-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("answers 503 with the build command while the assets are missing, and serves them once built", async () => {
    const assets = path.join(dir, "dist");
    const server = await serve(assets);
    try {
      const missing = await fetch(`${server.url}/console`);
      expect(missing.status).toBe(503);
      expect(missing.headers.get("content-type")).toContain("text/html");
      expect(await missing.text()).toContain(CONSOLE_BUILD_COMMAND);

      await mkdir(path.join(assets, "assets"), { recursive: true });
      await writeFile(path.join(assets, "index.html"), "<!doctype html><title>console</title>");
      await writeFile(path.join(assets, "assets", "console.js"), "export {};");
      const page = await fetch(`${server.url}/console`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>console</title>");
      expect(page.headers.get("content-security-policy")).toMatch(/default-src 'self'.*connect-src 'self'/);
      const script = await fetch(`${server.url}/console/assets/console.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get("content-type")).toContain("javascript");
      expect((await fetch(`${server.url}/console/assets/nothing.js`)).status).toBe(404);
      expect(script.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
      // Pages mounted after the console (GraphiQL, /docs with its inline script) keep their own rules.
      expect((await fetch(`${server.url}/docs`)).headers.get("content-security-policy")).toBeNull();
    } finally {
      await server.close();
    }
  });
});
