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

/** The gateway's tracer; spans are no-ops until {@link startTracing} registered an exporter. */
export const tracer = trace.getTracer("usage-gateway", GATEWAY_VERSION);

export interface Tracing {
  /** Sends the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * OpenTelemetry tracing to an OTLP/HTTP collector (`endpoint`, e.g. http://127.0.0.1:4318: spans go
 * to `<endpoint>/v1/traces`): HTTP requests (the middleware below), GraphQL operations and notable
 * resolvers (graphql/tracing-plugin.ts), stored REST operations and every SQL statement
 * (@prisma/instrumentation). Once per process; without an endpoint nothing is started and the
 * spans cost nothing.
 */
export function startTracing(endpoint: string, serviceName: string): Tracing {
  if (started) return started;
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
  started = {
    shutdown: async () => {
      unregister();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      started = undefined;
    },
  };
  return started;
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
    const span = tracer.startSpan(
      `${req.method} ${req.path}`,
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
