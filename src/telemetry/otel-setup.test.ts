import { describe, expect, it } from 'vitest';
import { setupTraceExport } from './otel-setup.js';

describe('setupTraceExport', () => {
  it('stays off with nothing configured or with OTEL_TRACES_EXPORTER=none', () => {
    expect(setupTraceExport({})).toBeUndefined();
    expect(
      setupTraceExport({
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x:4318',
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, 'otlp'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, 'otlp'],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, 'otlp'],
    [{ OTEL_TRACES_EXPORTER: 'console' }, 'console'],
  ])('exports with %j through %s, with a recording tracer', async (env, exporter) => {
    const traces = setupTraceExport(env);
    expect(traces?.exporter).toBe(exporter);
    const span = traces?.tracer.startSpan('probe');
    expect(span?.isRecording()).toBe(true);
    await traces?.shutdown();
  });
});
