import { z } from "zod";
import type { OpenApiSection } from "../rest/openapi.js";
import { EXPORT_ROUTES } from "./routes.js";

/** The exports in /openapi.json: their parameters, file responses, GraphQL-shaped errors and bearer auth. */

const TAG = "Exports (CSV and ZIP)";
const ERROR_STATUSES: Record<string, string> = {
  "400": "Bad parameters (BAD_USER_INPUT, one error per parameter)",
  "401": "No or bad token (UNAUTHENTICATED)",
  "403": "The role may not read this (FORBIDDEN)",
  "404": "Organization, team or user not found, or of another organization (NOT_FOUND)",
  "429": "Token budget spent (RATE_LIMITED, with Retry-After)",
  "500": "Unexpected failure (INTERNAL_SERVER_ERROR, with a requestId)",
};

const errorBody = {
  type: "object",
  required: ["errors"],
  properties: {
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["message", "extensions"],
        properties: {
          message: { type: "string" },
          extensions: { type: "object", required: ["code"], properties: { code: { type: "string" } }, additionalProperties: true },
        },
      },
    },
  },
};

function parameters(schema: z.ZodType) {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, property]) => {
    const { $schema: _ignored, ...described } = z.toJSONSchema(property, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
    return { name, in: "query", required: !property.safeParse(undefined).success, schema: described };
  });
}

export function exportOpenApi(): OpenApiSection {
  const paths = Object.fromEntries(
    EXPORT_ROUTES.map((route) => [
      route.path,
      {
        get: {
          tags: [TAG],
          summary: route.summary,
          description: route.description,
          operationId: `export:GET ${route.path}`,
          security: [{ gatewayBearer: [] }],
          parameters: parameters(route.query),
          responses: {
            "200": {
              description: "The file, streamed (Content-Disposition: attachment)",
              content: { [route.contentType.split(";")[0]!]: { schema: { type: "string", format: "binary" } } },
            },
            ...Object.fromEntries(
              Object.entries(ERROR_STATUSES).map(([status, description]) => [
                status,
                { description, content: { "application/json": { schema: errorBody } } },
              ]),
            ),
          },
        },
      },
    ]),
  );
  return {
    tags: [{ name: TAG, description: "The organization's usage, statistics and directory as files, from the same GraphQL operations." }],
    paths,
    securitySchemes: {
      gatewayBearer: { type: "http", scheme: "bearer", description: "A gateway JWT (the login mutation) or API token, as for /graphql." },
    },
  };
}
