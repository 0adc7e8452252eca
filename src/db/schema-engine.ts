import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's native schema engine is a download; the WASM build runs offline and talks to the
// database through the same driver adapter as the client (design.md, "Prisma without internet").

// @types/node 20 does not declare the WebAssembly global; this is the part used here.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let instantiated: Promise<void> | undefined;

async function instantiateWasm(): Promise<void> {
  // The .wasm file is not in the package's exports map: resolve it beside the JS glue.
  const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(new URL("schema_engine_bg.wasm", glueUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
}

/**
 * Starts a WASM schema engine on the database behind `adapterFactory`. Call `free()` when done: it
 * also closes the connections the engine opened through a PostgreSQL adapter (their pools would
 * otherwise keep a CLI command alive for their 10 s idle timeout). An embedded store's adapter wraps
 * the store's own PGlite, which its owner closes.
 */
export async function startSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodel: { path: string; content: string },
  log: (message: string) => void = () => undefined,
): Promise<SchemaEngine> {
  instantiated ??= instantiateWasm();
  await instantiated;
  const opened: { dispose(): Promise<void> }[] = [];
  const ownsConnections = adapterFactory instanceof PrismaPg;
  const track = async <A extends { dispose(): Promise<void> }>(adapter: Promise<A>) => {
    const connected = await adapter;
    if (ownsConnections) opened.push(connected);
    return connected;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: () => track(adapterFactory.connect()),
    connectToShadowDb: () => track(adapterFactory.connectToShadowDb()),
  };
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  const free = engine.free.bind(engine);
  engine.free = () => {
    free();
    for (const adapter of opened.splice(0)) void adapter.dispose().catch(() => undefined);
  };
  return engine;
}

/**
 * The engine versions that must agree: the installed Prisma expects `expected`, the WASM
 * schema engine provides `wasm`. A mismatch means a Prisma upgrade without its engine.
 */
export function engineVersions(): { expected: string; wasm: string } {
  const require = createRequire(import.meta.url);
  const expected = (require("@prisma/engines-version/package.json") as { version: string }).version;
  // The WASM package exports no package.json: read the one beside its JS glue.
  const wasmManifest = new URL("package.json", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const wasm = (JSON.parse(readFileSync(wasmManifest, "utf8")) as { version: string }).version;
  return { expected, wasm };
}
