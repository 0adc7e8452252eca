import type express from "express";
import type { GraphQLSchema } from "graphql";
import type { ContextRequest, GraphQLContext } from "../context.js";
import { createOperationCache, type ResponseCacheSettings } from "../graphql/response-cache.js";
import type { Vendor } from "../db/generated/enums.js";
import type { Logger } from "../logger.js";
import { VENDORS } from "../vendors/registry.js";
import * as storedOperations from "./__generated__/operations.js";
import { restDocs } from "./docs.js";
import { assertOperationsValid } from "./execute.js";
import { mountVendorRoutes } from "./mount.js";
import { buildOpenApi, type OpenApiSection } from "./openapi.js";
import { rocketChatAdapter } from "./rocketchat/adapter.js";
import type { VendorAdapter } from "./route.js";
import { tabnineAdapter } from "./tabnine/adapter.js";
import { teamwireAdapter } from "./teamwire/adapter.js";

/** The REST adapter of each vendor. */
export const ADAPTERS: Readonly<Record<Vendor, VendorAdapter>> = {
  TEAMWIRE: teamwireAdapter as VendorAdapter,
  ROCKETCHAT: rocketChatAdapter,
  TABNINE: tabnineAdapter,
};

/**
 * Every vendor adapter, in registry order, which is also the order unknown URLs are claimed in:
 * Rocket.Chat and Tabnine share /api/v1, where an unknown URL is Rocket.Chat's 404.
 */
export const VENDOR_ADAPTERS: readonly VendorAdapter[] = VENDORS.map((vendor) => ADAPTERS[vendor]);

export interface RestSurfaceDeps {
  readonly schema: GraphQLSchema;
  readonly contextFor: (request: ContextRequest) => Promise<GraphQLContext>;
  readonly logger: Logger;
  readonly version: string;
  readonly validateResponses?: boolean;
  /** TTL and memory of the stored operations' result cache (the GraphQL response cache's settings); none when absent. */
  readonly responseCache?: ResponseCacheSettings;
  /** Further paths for /openapi.json (the exports). */
  readonly openApi?: readonly OpenApiSection[];
}

/** The vendor adapters' stored operations, checked against the running schema (see assertOperationsValid). */
export function assertStoredOperationsValid(schema: GraphQLSchema): void {
  assertOperationsValid(schema, storedOperations, "REST");
}

/** Mounts /openapi.json, the docs page at /docs and every vendor route. */
export function mountRestSurface(app: express.Express, deps: RestSurfaceDeps): void {
  assertStoredOperationsValid(deps.schema);
  const openApi = buildOpenApi(VENDOR_ADAPTERS, deps.version, deps.openApi);
  app.get("/openapi.json", (_req, res) => {
    res.json(openApi);
  });
  app.use(restDocs());
  mountVendorRoutes(app, VENDOR_ADAPTERS, { ...deps, cache: deps.responseCache ? createOperationCache(deps.responseCache) : null });
}
