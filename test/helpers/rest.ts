import { expect } from "vitest";
import { issueApiToken } from "../../src/auth/api-token.js";
import type { Prisma } from "../../src/db/database.js";

/** One answer of a vendor REST route, as a client sees it. */
export interface RestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** The raw body (byte compatibility: key order, no stack traces). */
  readonly text: string;
  /** The parsed body; `undefined` when it is not JSON. */
  readonly body: T;
}

export interface RestRequest {
  readonly method?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** Sent as a JSON body. */
  readonly json?: unknown;
}

/** Calls `path` (with its query string) on `baseUrl` and reads the whole answer. */
export async function restRequest<T = unknown>(baseUrl: string, path: string, request: RestRequest = {}): Promise<RestResponse<T>> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${path}`, {
    method: request.method ?? "GET",
    headers,
    body: request.json === undefined ? undefined : JSON.stringify(request.json),
    redirect: "manual",
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: body as T };
}

/** Asserts a status and the exact JSON body (byte for byte, so key order counts), served as JSON. */
export function expectReply(response: RestResponse, status: number, body: unknown, what = ""): void {
  const context = `${what} → ${response.status} ${response.text.slice(0, 500)}`;
  expect(response.status, context).toBe(status);
  expect(response.text, context).toBe(JSON.stringify(body));
  expect(response.headers.get("content-type"), context).toBe("application/json; charset=utf-8");
}

/** Asserts a successful JSON answer and returns its body. */
export function expectOk<T>(response: RestResponse<T>, what = ""): T {
  expect(response.status, `${what} → ${response.status} ${response.text.slice(0, 500)}`).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return response.body;
}

/** Rocket.Chat credentials of the user with that email: `X-User-Id` and a fresh API token as `X-Auth-Token`. */
export async function rocketChatHeaders(prisma: Prisma, email: string): Promise<Record<string, string>> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return { "X-User-Id": user.id, "X-Auth-Token": (await issueApiToken(prisma, user, { name: "test" })).token };
}
