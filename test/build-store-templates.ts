// Run by test/global-setup.ts in a process of its own (Vitest's module runner lacks
// import.meta.resolve, which the migrations need): builds the store templates and prints them
// as JSON on stdout. With `remove <json>`, removes them.
import { buildStoreTemplates, removeStoreTemplates, type StoreTemplates } from "./helpers/store-templates.js";
import { TEST_SEED } from "./helpers/test-seed.js";

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

if (process.argv[2] === "remove") await removeStoreTemplates(JSON.parse(process.argv[3]!) as StoreTemplates, POSTGRES_URL);
else process.stdout.write(JSON.stringify(await buildStoreTemplates(TEST_SEED, POSTGRES_URL)));
