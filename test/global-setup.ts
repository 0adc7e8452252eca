import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import type { StoreTemplates } from "./helpers/store-templates.js";

const run = promisify(execFile);
const SCRIPT = new URL("./build-store-templates.ts", import.meta.url).pathname;

let templates: StoreTemplates | undefined;

// Integration tests: the migrated and the seeded store are built once per run, and every test
// store starts from them (test/helpers/stores.ts).
export async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  const { stdout } = await run(process.execPath, ["--import", "tsx", SCRIPT], { maxBuffer: 1 << 20 });
  templates = JSON.parse(stdout) as StoreTemplates;
  process.stderr.write(`test stores: templates built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide("storeTemplates", templates);
}

export async function teardown(): Promise<void> {
  if (templates) await run(process.execPath, ["--import", "tsx", SCRIPT, "remove", JSON.stringify(templates)]);
}
