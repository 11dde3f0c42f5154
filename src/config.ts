import { randomBytes } from 'node:crypto';
import path from 'node:path';

export type Environment = 'development' | 'test' | 'production';
export type ClockMode = 'system' | 'manual';

export interface Config {
  env: Environment;
  host: string;
  port: number;
  /** PostgreSQL connection string; absent → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Connections per process to PostgreSQL (more in flight lets commits share WAL flushes). */
  databasePoolSize: number;
  dataDir: string;
  clock: ClockMode;
  /** Instant the manual clock starts at (demo/tests only). */
  clockStart?: string;
  jwtSecret: string;
  /** Access-token lifetime, seconds. Short on purpose: portals re-authenticate. */
  tokenTtlSeconds: number;
  /** Load the generated demo data set into an empty database. */
  demoData: boolean;
  logLevel: string;
  /** Development delivery: fax file-drop, mailbox folder and print batches go here. */
  outboxDir: string;
  /** SMTP for member e-mail (absent → the development mailbox folder). */
  smtpUrl?: string;
  /** The built portals (`npm run build:web`); absent → dist/web beside the sources. */
  webDir?: string;
}

export class ConfigError extends Error {}

/**
 * Environment → typed config. The manual clock and the demo data set (with its well-known
 * passwords) are refused in production: they must never be switchable on there.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const environment = parseEnvironment(env.OPENPBM_ENV ?? env.NODE_ENV);
  const clock = (env.CLOCK ?? 'system') as ClockMode;
  if (clock !== 'system' && clock !== 'manual')
    throw new ConfigError(`CLOCK must be "system" or "manual", got "${clock}"`);
  const demoData = env.DEMO_DATA === undefined ? environment !== 'production' : env.DEMO_DATA === 'true';
  if (environment === 'production') {
    if (clock === 'manual') throw new ConfigError('CLOCK=manual is not allowed in production');
    if (demoData)
      throw new ConfigError('DEMO_DATA is not allowed in production: demo accounts have published passwords');
    if (!env.JWT_SECRET || env.JWT_SECRET.length < 32)
      throw new ConfigError('JWT_SECRET (at least 32 characters) is required in production');
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  return {
    env: environment,
    host: env.HOST ?? '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? 20),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    clock,
    clockStart: env.CLOCK_START || undefined,
    // Outside production a per-process secret is fine: tokens simply end with the process.
    jwtSecret: env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 900),
    demoData,
    logLevel: env.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    outboxDir: path.resolve(env.OUTBOX_DIR ?? path.join(env.DATA_DIR ?? './data', 'outbox')),
    smtpUrl: env.SMTP_URL || undefined,
    webDir: env.WEB_DIR ? path.resolve(env.WEB_DIR) : undefined,
  };
}

function parseEnvironment(value: string | undefined): Environment {
  if (value === 'production' || value === 'test') return value;
  return 'development';
}
