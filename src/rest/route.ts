import type { Request, Router } from "express";
import type { z } from "zod";
import type { Viewer } from "../auth/viewer.js";
import type { Vendor } from "../db/generated/enums.js";
import type { OperationRunner } from "./execute.js";

/** The authenticated caller of a vendor route, with what the vendor's auth step learnt about it. */
export interface Caller<Extra = unknown> {
  readonly viewer: Viewer;
  readonly run: OperationRunner;
  /** Vendor-specific facts gathered while authenticating (e.g. Teamwire's organisation number). */
  readonly extra: Extra;
}

/** What a handler receives: the validated path and query parameters and the caller. */
export interface RouteInput<P, Q, Extra> {
  readonly params: P;
  readonly query: Q;
  readonly caller: Caller<Extra>;
}

/**
 * One documented vendor URL, declared once and mounted generically (see mount.ts):
 * authenticate (vendor) → parse `params` → `authorize` → read and parse `query` → `handle` (runs stored
 * GraphQL operations and maps their data to the vendor's JSON) → validate against `response`
 * in tests → send. Errors at any step become the vendor's status and body.
 */
export interface VendorRoute<P = unknown, Q = unknown, Extra = unknown> {
  readonly method: "GET" | "POST";
  /** Express path, literal except for `:name` parameters (strict: trailing slashes matter). */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  /** Path parameters; a value that does not parse means the URL is not a documented one. */
  readonly params?: z.ZodType<P>;
  /** Query parameters; a value that does not parse is the vendor's 400. */
  readonly query?: z.ZodType<Q>;
  /** Role and scope checks that must come before query validation (vendor order of checks). */
  readonly authorize?: (caller: Caller<Extra>, params: P, rawQuery: Record<string, unknown>) => void | Promise<void>;
  readonly handle: (input: RouteInput<P, Q, Extra>) => Promise<unknown>;
  /** The documented response body; used for OpenAPI and checked on every response in tests. */
  readonly response: z.ZodType;
  /** Error statuses the vendor documents for this URL (OpenAPI). */
  readonly errors: readonly number[];
}

/** Declares a route with its parameter types inferred from its schemas. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, Extra = unknown>(
  route: VendorRoute<P, Q, Extra>,
): VendorRoute<P, Q, Extra> {
  return route;
}

/** A vendor's answer to a failed request. */
export interface VendorReply {
  readonly status: number;
  readonly body: unknown;
  /** Extra headers; a Content-Type among them is sent exactly as given (no charset added). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** How a vendor authenticates, fails and documents itself; its routes are mounted with it. */
export interface VendorAdapter<Extra = unknown> {
  readonly vendor: Vendor;
  readonly title: string;
  /** Shown in OpenAPI: how to authenticate. */
  readonly securitySchemes: Record<string, Record<string, unknown>>;
  readonly routes: readonly VendorRoute<never, never, Extra>[];
  /** Resolves the caller from the vendor's credentials; throws (DomainError UNAUTHENTICATED …) when absent or bad. */
  authenticate(req: Request, createCaller: (authorization: string | undefined) => Promise<Caller<undefined>>): Promise<Caller<Extra>>;
  /**
   * The query parameters as the vendor's own server parses them (default: Express's `req.query`); read
   * after `authorize`. May throw: the error is answered through `reply`.
   */
  readonly parseQuery?: (req: Request) => Record<string, unknown>;
  /** Headers of every successful answer; when they name a Content-Type, the body is sent with exactly that type. */
  readonly successHeaders?: Readonly<Record<string, string>>;
  /** The vendor's status and body for any failure: DomainErrors, invalid parameters (ZodError), bugs. */
  reply(error: unknown, route?: VendorRoute<never, never, Extra>): VendorReply;
  /** Whether an undocumented URL belongs to this vendor (answered with its 404). */
  claimsUnknown(req: Request): boolean;
  /** The body of the vendor's 404 for an undocumented URL under its prefix, and of its 405. */
  notFound(req: Request): VendorReply;
  methodNotAllowed(allow: string): VendorReply;
  /**
   * Routes outside the declarative pipeline (e.g. Teamwire's session login, which sets a cookie),
   * mounted on the vendor's strict router with an anonymous operation runner, and their OpenAPI paths.
   */
  readonly mountExtra?: (router: Router, runAnonymous: (req: Request) => Promise<OperationRunner>) => void;
  readonly extraPaths?: Record<string, Record<string, unknown>>;
  /** JSON Schema of the vendor's error body per status (OpenAPI). */
  readonly errorSchema: (status: number) => Record<string, unknown>;
}

/** Parameters that did not validate: `params` (path, the URL is not a documented one) or `query`. */
export class InvalidRequest extends Error {
  override readonly name = "InvalidRequest";
  constructor(
    readonly part: "params" | "query",
    readonly issues: z.core.$ZodIssue[],
    readonly raw: Record<string, unknown>,
  ) {
    super(`invalid ${part}: ${issues.map((issue) => `${issue.path.join(".") || part}: ${issue.message}`).join("; ")}`);
  }
}
