import { createRequire } from "node:module";
import type express from "express";
import type { GraphQLSchema } from "graphql";
import type { GraphQLContext } from "../context.js";
import type { Logger } from "../logger.js";
import { restDocs } from "./docs.js";
import { mountVendorRoutes } from "./mount.js";
import { buildOpenApi } from "./openapi.js";
import type { VendorAdapter } from "./route.js";
import { tabnineAdapter } from "./tabnine/adapter.js";
import { teamwireAdapter } from "./teamwire/adapter.js";

/** The gateway's version (package.json), shown in OpenAPI. */
export const GATEWAY_VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

/** Every vendor adapter, in the order unknown URLs are claimed (Rocket.Chat before Tabnine on /api/v1). */
export const VENDOR_ADAPTERS: readonly VendorAdapter[] = [teamwireAdapter as VendorAdapter, tabnineAdapter];

export interface RestSurfaceDeps {
  readonly schema: GraphQLSchema;
  readonly contextFor: (request: { authorization: string | undefined; requestId: string }) => Promise<GraphQLContext>;
  readonly logger: Logger;
  readonly version: string;
  readonly validateResponses?: boolean;
}

/** Mounts /openapi.json, the docs page at /docs and every vendor route. */
export function mountRestSurface(app: express.Express, deps: RestSurfaceDeps): void {
  const openApi = buildOpenApi(VENDOR_ADAPTERS, deps.version);
  app.get("/openapi.json", (_req, res) => {
    res.json(openApi);
  });
  app.use(restDocs());
  mountVendorRoutes(app, VENDOR_ADAPTERS, deps);
}
