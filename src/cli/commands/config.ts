/**
 * `eleanor config`: the effective configuration — every setting, its value and where the value
 * came from (the environment, a config file or the default). Secrets are never printed: API keys
 * show their labels only.
 */
import { ENV_VARIABLES, type ConfigSource } from '../../orchestrator/config.js';
import { ENGINE_ENV } from '../../engine/config.js';
import { SERVICE_ENV, serviceConfigFromEnv } from '../../server/config.js';
import { table } from '../format.js';
import { ExitCode, type CliIO } from '../io.js';
import { openRuntime } from '../runtime.js';

export interface ConfigRow {
  setting: string;
  variable: string;
  value: string;
  source: ConfigSource;
}

const show = (value: unknown): string =>
  value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);

export async function configCommand(options: { json?: boolean }, io: CliIO): Promise<ExitCode> {
  const rows = await configRows(io);
  io.stdout.write(
    options.json === true
      ? `${JSON.stringify(rows)}\n`
      : `${table(
          ['Setting', 'Variable', 'Value', 'Source'],
          rows.map((r) => [r.setting, r.variable, r.value, r.source]),
        )}\n`,
  );
  return ExitCode.OK;
}

export async function configRows(io: CliIO): Promise<ConfigRow[]> {
  const runtime = await openRuntime(io, { record: false });
  const { config } = runtime;
  await runtime.close();
  const rows: ConfigRow[] = [];
  const loaded = config.orchestrator;
  for (const [key, variable] of Object.entries(ENV_VARIABLES) as [
    keyof typeof ENV_VARIABLES,
    string,
  ][]) {
    rows.push({
      setting: key,
      variable,
      value: show(loaded.config[key]),
      source: loaded.sources[key],
    });
  }
  const rejected = new Set(config.warnings.map((w) => w.variable));
  const fromEnv = (variable: string): ConfigSource =>
    io.env[variable]?.trim() && !rejected.has(variable) ? 'env' : 'default';
  const engine: [string, string, unknown][] = [
    ['maxTextChars', ENGINE_ENV.maxTextChars, config.maxTextChars],
    ['judge.baseUrl', ENGINE_ENV.judgeBaseUrl, config.judge?.baseUrl],
    ['judge.model', ENGINE_ENV.judgeModel, config.judge?.model],
    [
      'judge.apiKey',
      ENGINE_ENV.judgeApiKey,
      config.judge?.apiKey === undefined ? undefined : '(set)',
    ],
    ['moderation.baseUrl', ENGINE_ENV.moderationBaseUrl, config.moderation?.baseUrl],
    ['moderation.model', ENGINE_ENV.moderationModel, config.moderation?.model],
    [
      'moderation.apiKey',
      ENGINE_ENV.moderationApiKey,
      config.moderation?.apiKey === undefined ? undefined : '(set)',
    ],
  ];
  const redactUrl = (url: string | undefined): string | undefined =>
    url === undefined ? undefined : url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  engine.push(
    ['store.kind', ENGINE_ENV.store, config.store.kind],
    ['store.sqlitePath', ENGINE_ENV.sqlitePath, config.store.sqlitePath],
    ['store.sqliteSynchronous', ENGINE_ENV.sqliteSynchronous, config.store.sqliteSynchronous],
    ['store.databaseUrl', ENGINE_ENV.databaseUrl, redactUrl(config.store.databaseUrl)],
    ['store.text', ENGINE_ENV.storeText, config.store.text],
    ['store.auditRequired', ENGINE_ENV.auditRequired, config.store.auditRequired],
  );
  for (const [setting, variable, value] of engine) {
    rows.push({ setting, variable, value: show(value), source: fromEnv(variable) });
  }
  const service = serviceConfigFromEnv(io.env);
  const serviceValues: Record<keyof typeof SERVICE_ENV, unknown> = {
    host: service.host,
    port: service.port,
    apiKeys:
      service.apiKeys.length === 0 ? undefined : service.apiKeys.map((k) => k.label).join(', '),
    keyRatePerSecond: service.keyRatePerSecond,
    keyBurst: service.keyBurst,
    bodyLimitBytes: service.bodyLimitBytes,
    shutdownGraceMs: service.shutdownGraceMs,
    logFile: service.logFile,
  };
  for (const [key, variable] of Object.entries(SERVICE_ENV) as [
    keyof typeof SERVICE_ENV,
    string,
  ][]) {
    rows.push({
      setting: `service.${key}`,
      variable,
      value: show(serviceValues[key]),
      source: service.sources[key],
    });
  }
  for (const w of service.warnings) io.stderr.write(`warning: ${w.variable}: ${w.message}\n`);
  return rows;
}
