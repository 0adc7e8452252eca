import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import type { RequestHandler } from "express";
import { GATEWAY_VERSION } from "../version.js";
import { requestIdOf } from "./request-context.js";
import { routePatternOf } from "./route-pattern.js";

/**
 * The gateway's tracer, from the provider registered now (spans are no-ops until {@link startTracing}
 * registered one). Asked for at each span: a tracer kept from an earlier, shut-down provider would
 * lose the spans of a later one.
 */
export const tracer = () => trace.getTracer("usage-gateway", GATEWAY_VERSION);

export interface Tracing {
  /** Sends the spans still buffered and stops exporting, once every gateway that started it has. */
  shutdown(): Promise<void>;
}

/** The process's tracing and how many gateways use it (tests run several in one process). */
let started: { users: number; stop: () => Promise<void> } | undefined;

/**
 * OpenTelemetry tracing to an OTLP/HTTP collector (`endpoint`, e.g. http://127.0.0.1:4318: spans go
 * to `<endpoint>/v1/traces`): HTTP requests (the middleware below), GraphQL operations and notable
 * resolvers (graphql/tracing.ts), stored REST operations and every SQL statement
 * (@prisma/instrumentation). Once per process; without an endpoint nothing is started and the
 * spans cost nothing.
 */
export function startTracing(endpoint: string, serviceName: string): Tracing {
  started ??= { users: 0, stop: register(endpoint, serviceName) };
  const current = started;
  current.users += 1;
  let stopped = false;
  return {
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      current.users -= 1;
      if (current.users > 0) return;
      if (started === current) started = undefined;
      await current.stop();
    },
  };
}

function register(endpoint: string, serviceName: string): () => Promise<void> {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName, [ATTR_SERVICE_VERSION]: GATEWAY_VERSION }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, "")}/v1/traces` }),
        scheduledDelayMillis: 500,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  return async () => {
    unregister();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  };
}

/** Ends a span with the error recorded (unexpected ones) or with OK. */
export function endSpan(span: Span, error?: unknown): void {
  if (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

/**
 * One server span per HTTP request, continuing the caller's `traceparent`: method, route pattern,
 * status and the request id. Everything the request does runs inside it.
 */
export function httpTracing(): RequestHandler {
  return (req, res, next) => {
    if (!started) return next();
    const parent = propagation.extract(context.active(), req.headers);
    // Named by route pattern once it is known; a path no route matched stays "<METHOD> unmatched" so
    // that scanners do not make one span name per URL.
    const span = tracer().startSpan(
      `${req.method} unmatched`,
      {
        kind: SpanKind.SERVER,
        attributes: { "http.request.method": req.method, "url.path": req.path, "usage_gateway.request_id": requestIdOf(req) },
      },
      parent,
    );
    res.on("close", () => {
      const route = routePatternOf(req);
      if (route) span.updateName(`${req.method} ${route}`).setAttribute("http.route", route);
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
