import { STATUS_CODES } from "node:http";
import { z } from "zod";
import { VENDOR_REGISTRY } from "../vendors/registry.js";
import type { VendorAdapter, VendorRoute } from "./route.js";

/** OpenAPI 3.1 document of every vendor route, generated from the route declarations. */

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, property]) => {
    const { $schema: _ignored, ...described } = jsonSchema(property, "input");
    return { name, in: location, required: location === "path" || !property.safeParse(undefined).success, schema: described };
  });
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

function operation(adapter: VendorAdapter, route: VendorRoute<never, never, unknown>) {
  const { $schema: _ignored, ...response } = jsonSchema(route.response, "output");
  const errors = Object.fromEntries(
    route.errors.map((status) => [
      String(status),
      { description: STATUS_CODES[status] ?? "Error", content: { "application/json": { schema: adapter.errorSchema(status) } } },
    ]),
  );
  return {
    tags: [adapter.title],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    operationId: `${VENDOR_REGISTRY[adapter.vendor].slug}:${route.method} ${route.path}`,
    security: Object.keys(adapter.securitySchemes).map((name) => ({ [name]: [] })),
    parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
    responses: { "200": { description: "OK", content: { "application/json": { schema: response } } }, ...errors },
  };
}

export function buildOpenApi(adapters: readonly VendorAdapter[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const adapter of adapters) {
    Object.assign(paths, adapter.extraPaths);
    for (const route of adapter.routes) {
      const path = openApiPath(route.path);
      paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(adapter, route) };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Usage Gateway — vendor REST adapters",
      version,
      description:
        "The documented Teamwire, Rocket.Chat and Tabnine usage URLs, served from the gateway's store through its GraphQL schema. " +
        "Each vendor keeps its own auth style, JSON shapes and error bodies. The unified API is GraphQL at /graphql.",
    },
    tags: adapters.map((adapter) => ({ name: adapter.title })),
    paths,
    components: { securitySchemes: Object.fromEntries(adapters.flatMap((adapter) => Object.entries(adapter.securitySchemes))) },
  };
}
