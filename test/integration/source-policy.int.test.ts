import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegisterSourceDocument } from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";

const PRODUCTION = {
  NODE_ENV: "production",
  JWT_SECRET: "production-secret-".padEnd(48, "p"),
  SOURCE_CREDENTIALS_KEY: Buffer.alloc(32, 9).toString("base64"),
  SOURCE_ALLOWED_HOSTS: "chat.intranet.example, 10.0.0.7",
};

// In production the gateway sends a source's credentials only to https URLs of public hosts, or to hosts listed by the operator.
describe("source base URLs in production", () => {
  let server: GraphQLTestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", { env: PRODUCTION });
    admin = await server.tokenFor("admin@nordhafen.test");
  });
  afterAll(() => server?.close());

  const register = (baseUrl: string) => server.request(RegisterSourceDocument, { input: { vendor: "TABNINE", baseUrl } }, admin);

  it.each([
    ["http://tabnine.example.com", /https/],
    ["https://127.0.0.1:8443", /loopback, private or link-local/],
    ["https://169.254.169.254/latest", /loopback, private or link-local/],
    ["https://[::1]", /loopback, private or link-local/],
    ["https://10.0.0.8", /loopback, private or link-local/],
  ])("refuses %s as BAD_USER_INPUT", async (baseUrl, message) => {
    const [reason] = expectErrors(await register(baseUrl), "BAD_USER_INPUT");
    expect(reason).toMatch(message);
  });

  it.each(["https://tabnine.example.com", "http://chat.intranet.example:3000", "http://10.0.0.7"])("accepts %s", async (baseUrl) => {
    expect(expectNoErrors(await register(baseUrl)).registerSource.baseUrl).toBe(baseUrl);
  });
});
