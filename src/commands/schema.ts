import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { schemaSdl } from "../schema.js";

/** schema.graphql at the repository root: the client contract, emitted from the code. */
export const SCHEMA_FILE = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

/** `usage-gateway schema`: writes schema.graphql, or with `check` fails when it is out of date. */
export async function schemaCommand(options: { check?: boolean }): Promise<string> {
  const sdl = await schemaSdl();
  if (options.check) {
    const committed = await readFile(SCHEMA_FILE, "utf8").catch(() => "");
    if (committed !== sdl) throw new Error("schema.graphql is out of date; run: npm run schema");
    return "schema.graphql is up to date";
  }
  await writeFile(SCHEMA_FILE, sdl);
  return `wrote ${SCHEMA_FILE}`;
}
