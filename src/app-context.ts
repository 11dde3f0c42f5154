import type { Config } from './config.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db.js';
import { defaultGateways, type DeliveryGateways } from './notices/delivery/gateways.js';
import { ReferenceCache } from './reference/reference-cache.js';

/** What every use case needs: config, the database, the injected clock, in-process caches. */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  reference: ReferenceCache;
  /** Fax, e-mail and print transports (pluggable; development ones write files). */
  delivery: DeliveryGateways;
}

/**
 * Builds the context only: deadline handlers and jobs are wired in the composition root
 * (src/composition), so building a context in a test or a command has no side effects.
 */
export function createContext(config: Config, database: Database, clock: Clock): AppContext {
  return {
    config,
    database,
    clock,
    reference: new ReferenceCache(database.db),
    delivery: defaultGateways(config.outboxDir, config.smtpUrl),
  };
}
