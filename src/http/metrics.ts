import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { routePatternOf } from "./route-pattern.js";

type HttpLabel = "method" | "route" | "status";

/** Label used for requests that no route matched (404s, scans), keeping cardinality bounded. */
export const UNMATCHED_ROUTE = "unmatched";

/** One app's Prometheus registry and the HTTP instruments recorded into it. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequestsTotal: Counter<HttpLabel>;
  readonly httpRequestDuration: Histogram<HttpLabel>;
  /** Express middleware that records every request when its response completes. */
  readonly middleware: RequestHandler;
}

/**
 * Creates a registry of its own (not prom-client's global one, so several apps can live in one
 * process) with the default Node process metrics, `http_requests_total{method,route,status}`
 * and the `http_request_duration_seconds` histogram. `route` is the matched route pattern
 * (`/api/things/:id`), or "unmatched"; a request the client aborted gets status "aborted".
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequestsTotal = new Counter<HttpLabel>({
    name: "http_requests_total",
    help: "HTTP requests handled, by method, matched route pattern and status code.",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const httpRequestDuration = new Histogram<HttpLabel>({
    name: "http_request_duration_seconds",
    help: "Time from receiving an HTTP request to finishing its response, in seconds.",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const middleware: RequestHandler = (req, res, next) => {
    const stopTimer = httpRequestDuration.startTimer();
    res.once("close", () => {
      const labels = {
        method: req.method,
        route: routePatternOf(req) ?? UNMATCHED_ROUTE,
        status: res.writableFinished ? String(res.statusCode) : "aborted",
      };
      httpRequestsTotal.inc(labels);
      stopTimer(labels);
    });
    next();
  };

  return { registry, httpRequestsTotal, httpRequestDuration, middleware };
}
