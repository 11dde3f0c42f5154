import { registerAppealDeadlines } from './appeals/appeal-deadlines.js';
import type { Config } from './config.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db.js';
import { defaultGateways, type DeliveryGateways } from './notices/delivery/gateways.js';
import { registerPaDeadlines } from './priorauth/pa-deadlines.js';
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

export function createContext(config: Config, database: Database, clock: Clock): AppContext {
  registerPaDeadlines();
  registerAppealDeadlines();
  return {
    config,
    database,
    clock,
    reference: new ReferenceCache(database.db),
    delivery: defaultGateways(config.outboxDir, config.smtpUrl),
  };
}
