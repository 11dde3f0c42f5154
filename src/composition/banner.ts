import type { Config } from '../config.js';
import { DEMO_ACCOUNTS_TEXT } from '../demo/demo-accounts.js';

export interface BannerFacts {
  /** The port the API listens on (0 in config → the one the system chose). */
  port: number;
  ncpdpPort?: number;
  demo: boolean;
  /** "3 API processes, jobs in each" and the like under WORKERS. */
  processes?: string;
}

/** What `npm start` prints once the server answers. */
export function startBanner(config: Config, facts: BannerFacts): string {
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${facts.port}`;
  const database = config.databaseUrl ? 'postgres' : `pglite (${config.dataDir})`;
  const lines = [
    '',
    `OpenPBM is running at ${url}  (open it in a browser and sign in: every role has its portal)`,
    `  database: ${database}   clock: ${config.clock}${facts.processes ? `   processes: ${facts.processes}` : ''}`,
    `  API docs: ${url}/api/v1/docs   OpenAPI: ${url}/api/v1/openapi.json   health: ${url}/healthz`,
  ];
  if (facts.ncpdpPort !== undefined && config.ncpdp)
    lines.push(`  NCPDP D.0 over TCP: ${config.ncpdp.host}:${facts.ncpdpPort}${config.ncpdp.tls ? ' (TLS)' : ''}`);
  if (facts.demo) lines.push('', DEMO_ACCOUNTS_TEXT);
  return lines.join('\n') + '\n';
}
