/**
 * `openEvidenceStore(config)`: the store the configuration names, opened and migrated — what
 * the service and CLI use. SQLite under `./data/eleanor.db` unless told otherwise.
 */
import type { StoreConfig } from '../../engine/config.js';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import type { Logger } from '../../orchestrator/types.js';
import { MemoryEvidenceStore } from './memory.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { EvidenceStore } from './types.js';

export interface OpenStoreOptions {
  logger?: Logger;
}

/** Opens the configured store; an EvidenceStoreError names the store and the cause. */
export async function openEvidenceStore(
  config: Pick<StoreConfig, 'kind' | 'sqlitePath' | 'sqliteSynchronous' | 'databaseUrl'>,
  options: OpenStoreOptions = {},
): Promise<EvidenceStore> {
  switch (config.kind) {
    case 'memory':
      return new MemoryEvidenceStore();
    case 'sqlite':
      return openSqliteStore({
        path: config.sqlitePath,
        synchronous: config.sqliteSynchronous,
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      });
    case 'postgres':
      if (config.databaseUrl === undefined) {
        throw new InvalidOptionError('databaseUrl', 'a postgres:// URL', config.databaseUrl);
      }
      return openPostgresStore({
        connectionString: config.databaseUrl,
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      });
    default: {
      const never: never = config.kind;
      throw new InvalidOptionError('kind', 'memory, sqlite or postgres', never);
    }
  }
}
