import { createRequire } from "node:module";

/** The gateway's version (package.json), shown in OpenAPI and the start-up banner. */
export const GATEWAY_VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
