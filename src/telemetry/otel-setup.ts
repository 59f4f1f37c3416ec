/**
 * Span export for the service, configured by OpenTelemetry's standard variables:
 * `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (or
 * `OTEL_TRACES_EXPORTER=otlp`) send spans over OTLP/HTTP in batches; `OTEL_TRACES_EXPORTER=console`
 * prints them; `none` or nothing set leaves tracing off (unless the application registered its
 * own SDK globally). `OTEL_SERVICE_NAME` names the service (default `eleanor`).
 */
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { TRACER_NAME } from './tracing.js';

export interface TraceExport {
  /** Where spans are sent, for the start-up log line. */
  exporter: 'otlp' | 'console';
  tracer: Tracer;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The exporter the environment asks for, or undefined when tracing stays off. */
export function setupTraceExport(env: Env): TraceExport | undefined {
  const set = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const choice = set('OTEL_TRACES_EXPORTER')?.toLowerCase();
  if (choice === 'none') return undefined;
  const otlpEndpoint =
    set('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? set('OTEL_EXPORTER_OTLP_ENDPOINT');
  let exporter: TraceExport['exporter'];
  let processor: SpanProcessor;
  if (choice === 'console') {
    exporter = 'console';
    processor = new SimpleSpanProcessor(new ConsoleSpanExporter());
  } else if (choice === 'otlp' || otlpEndpoint !== undefined) {
    exporter = 'otlp';
    // From the environment handed in (not the process's): the traces endpoint, else the base
    // endpoint + /v1/traces, else the OTLP default; headers as `k=v,k2=v2`.
    const base = set('OTEL_EXPORTER_OTLP_ENDPOINT')?.replace(/\/+$/, '');
    const url =
      set('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ??
      (base === undefined ? 'http://localhost:4318/v1/traces' : `${base}/v1/traces`);
    processor = new BatchSpanProcessor(
      new OTLPTraceExporter({ url, headers: parseHeaders(set('OTEL_EXPORTER_OTLP_HEADERS')) }),
    );
  } else {
    return undefined;
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': set('OTEL_SERVICE_NAME') ?? 'eleanor' }),
    spanProcessors: [processor],
  });
  return {
    exporter,
    tracer: provider.getTracer(TRACER_NAME),
    shutdown: () => provider.shutdown(),
  };
}

/** `k=v,k2=v2` (values URL-decoded, as the OTLP specification says). */
function parseHeaders(raw: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of raw?.split(',') ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}
