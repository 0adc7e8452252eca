import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VENDOR_ADAPTERS } from "../../src/rest/index.js";
import { startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";

// The OpenAPI document and docs page depend on no data: one store kind is enough.
describe("OpenAPI document and REST docs page", () => {
  let server: GraphQLTestServer;
  let document: {
    openapi: string;
    paths: Record<
      string,
      Record<string, { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> }>
    >;
  };

  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", { seed: null });
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    document = (await response.json()) as typeof document;
  }, 60_000);
  afterAll(() => server?.close());

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every declared route with its path parameters, query parameters and statuses", () => {
    for (const adapter of VENDOR_ADAPTERS) {
      for (const route of adapter.routes) {
        const path = route.path.replace(/:(\w+)/g, "{$1}");
        const operation = document.paths[path]?.[route.method.toLowerCase()];
        expect(operation, `${route.method} ${path}`).toBeDefined();
        for (const name of route.path.match(/:(\w+)/g)?.map((part) => part.slice(1)) ?? []) {
          expect(operation!.parameters).toContainEqual(expect.objectContaining({ name, in: "path", required: true }));
        }
        expect(Object.keys(operation!.responses).sort()).toEqual(["200", ...route.errors.map(String)].sort());
      }
    }
    expect(document.paths["/v1/admin/login/"]?.post).toBeDefined();
  });

  it("marks required query parameters as required and optional ones as optional", () => {
    const teams = document.paths["/api/v1/organization/teams"]!.get!.parameters;
    expect(teams).toContainEqual(expect.objectContaining({ name: "offset", in: "query", required: false }));
    const users = document.paths["/api/v1/organization/users"]!.get!.parameters;
    expect(
      users
        .filter((parameter) => parameter.required)
        .map((parameter) => parameter.name)
        .sort(),
    ).toEqual(["active", "limit", "offset", "teamMember"]);
  });

  it("serves a docs page whose assets come from the gateway itself", async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/openapi.json");
    const assets = [...html.matchAll(/(?:href|src)="(\/docs\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of assets) {
      const response = await fetch(server.url + asset);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });
});
