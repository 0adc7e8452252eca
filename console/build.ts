import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const CONSOLE_DIR = import.meta.dirname;

/** Where the built console lives; src/console/mount.ts serves it from here. */
export const CONSOLE_DIST = path.join(CONSOLE_DIR, "dist");

/**
 * Bundles the console (console/src) into `outDir`: index.html, assets/console.js and assets/console.css.
 * Everything comes from npm packages in node_modules (React, ECharts), so it builds offline, and
 * esbuild is pinned, so the same sources give the same files.
 */
export async function buildConsole(outDir = CONSOLE_DIST): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, "assets"), { recursive: true });
  await build({
    entryPoints: { console: path.join(CONSOLE_DIR, "src", "main.tsx") },
    outdir: path.join(outDir, "assets"),
    tsconfig: path.join(CONSOLE_DIR, "tsconfig.json"),
    bundle: true,
    format: "esm",
    target: ["chrome111", "firefox111", "safari16"],
    minify: true,
    sourcemap: "linked",
    legalComments: "linked",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  await copyFile(path.join(CONSOLE_DIR, "index.html"), path.join(outDir, "index.html"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildConsole();
  console.log(`console: built ${path.relative(process.cwd(), CONSOLE_DIST)} in ${Date.now() - started} ms`);
}
