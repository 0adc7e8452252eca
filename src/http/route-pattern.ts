import type { Request, RequestHandler } from "express";

const MATCHED = Symbol("usage-gateway.matchedRoutePattern");

type TrackedRequest = Request & { [MATCHED]?: string };

function joinPattern(baseUrl: string, routePath: unknown): string {
  const path = Array.isArray(routePath) ? routePath.map(String).join("|") : String(routePath);
  if (baseUrl === "") return path;
  return path === "/" ? baseUrl : baseUrl + path;
}

/**
 * Middleware (install first) that remembers the pattern of the route that handles the request,
 * e.g. `/api/things/:id`, prefixed with the mount path of its router. Express sets `req.route`
 * when a route matches, while `req.baseUrl` still holds that router's mount path; both are read
 * at that moment because the router restores `baseUrl` when an error leaves it.
 * Mount routers at static prefixes: a parameter in a mount path is recorded as its value.
 */
export function trackRoutePattern(): RequestHandler {
  return (req, _res, next) => {
    const tracked = req as TrackedRequest;
    let route: unknown = (req as { route?: unknown }).route;
    Object.defineProperty(req, "route", {
      configurable: true,
      enumerable: true,
      get: () => route,
      set: (value: unknown) => {
        route = value;
        const path = (value as { path?: unknown } | undefined)?.path;
        if (path !== undefined) tracked[MATCHED] = joinPattern(req.baseUrl, path);
      },
    });
    next();
  };
}

/** The matched route pattern (see {@link trackRoutePattern}), or undefined when no route matched. */
export function routePatternOf(req: Request): string | undefined {
  return (req as TrackedRequest)[MATCHED];
}

/** The request path without its query string, for logs. */
export function pathWithoutQuery(req: Request): string {
  const url = req.originalUrl || req.url;
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
