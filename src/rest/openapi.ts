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

/** How a REST client gets its credentials (rendered at the top of /docs). */
const SIGN_IN_HELP = [
  "## Getting credentials",
  "1. **A token.** Sign in: `POST /graphql` with",
  '   `{"query":"mutation { login(email: \\"you@example.com\\", password: \\"…\\") { token user { id } } }"}`',
  "   (or sign in on the GraphiQL page at /graphql). The `token` is a 12-hour access token; for scripts issue a",
  '   long-lived API token with `mutation { issueApiToken(name: "reports") { token } }`, sent with the first token,',
  "   or run `npm run --silent token -- --email you@example.com --kind api` on the gateway's host.",
  "2. **Tabnine** routes: `Authorization: Bearer <token>`. **Teamwire** routes: the same header, or",
  '   `POST /v1/admin/login/` with `{"email","password"}`, which sets the `sessionid` cookie.',
  "3. **Rocket.Chat** routes: `X-User-Id: <your gateway user id>` (the `user { id }` of the login answer, or",
  "   `{ viewer { id } }`) and `X-Auth-Token: <API token>`.",
  "",
  "Use **Authorize** below to send them from this page.",
].join("\n");

/** Paths the gateway serves besides the vendor routes (the exports), with their tags and security schemes. */
export interface OpenApiSection {
  readonly tags: readonly { name: string; description?: string }[];
  readonly paths: Record<string, Record<string, unknown>>;
  readonly securitySchemes: Record<string, Record<string, unknown>>;
}

export function buildOpenApi(
  adapters: readonly VendorAdapter[],
  version: string,
  sections: readonly OpenApiSection[] = [],
): Record<string, unknown> {
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
        "Each vendor keeps its own auth style, JSON shapes and error bodies. The unified API is GraphQL at /graphql.\n\n" +
        SIGN_IN_HELP,
    },
    tags: [...adapters.map((adapter) => ({ name: adapter.title })), ...sections.flatMap((section) => section.tags)],
    paths: Object.assign(paths, ...sections.map((section) => section.paths)) as typeof paths,
    components: {
      securitySchemes: Object.fromEntries([
        ...adapters.flatMap((adapter) => Object.entries(adapter.securitySchemes)),
        ...sections.flatMap((section) => Object.entries(section.securitySchemes)),
      ]),
    },
  };
}
