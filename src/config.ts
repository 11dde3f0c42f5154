import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './identity/sign-in-throttle.js';

export type Environment = 'development' | 'test' | 'production';
export type ClockMode = 'system' | 'manual';
/**
 * Background jobs (pg-boss) in this process: `on` (beside the API), `off` (API only), `only` (jobs,
 * no API); `dedicated` (with WORKERS) = the API processes run none and one extra process runs them.
 */
export type JobsMode = 'on' | 'off' | 'only' | 'dedicated';

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
  /** NCPDP D.0 over TCP (docs/ncpdp-telecom.md); null (the default) = no listener. */
  ncpdp: NcpdpTcpConfig | null;
  /** EHR clients may use their API key on /fhir and /cds-services (default: outside production only). */
  fhirApiKeys: boolean;
  /** Send HSTS for requests a TLS terminator forwards as https (HSTS=on); over direct TLS it is always sent. */
  hsts: boolean;
  /** Sign-in throttling and account lock (docs/security.md#sign-in). */
  signIn: SignInLimits;
  /** Requests per minute per API key (docs/security.md#sign-in). */
  apiKeyRequestsPerMinute: number;
  /** API processes on one port (node:cluster, docs/scaling.md#processes); > 1 needs PostgreSQL. */
  workers: number;
  jobs: JobsMode;
  /** Monthly partitions of claims, audit events and D.0 wire copies (docs/scaling.md#partitioning). */
  partitions: PartitionConfig;
}

export interface PartitionConfig {
  /** Months after the current one whose partitions the daily job keeps created. */
  monthsAhead: number;
  /** Claims (and their D.0 wire copies) are kept this many years; older months are detachable for archive (CLAIMS_RETENTION_YEARS). */
  claimsRetentionYears: number;
  /** Audit events: at least six years (HIPAA, 45 CFR 164.316(b)(2); AUDIT_RETENTION_YEARS). */
  auditRetentionYears: number;
}

export interface NcpdpTcpConfig {
  port: number;
  host: string;
  /** PEM files: the listener speaks TLS. */
  tls?: { certFile: string; keyFile: string };
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
    ncpdp: parseNcpdpTcp(env, environment),
    fhirApiKeys: parseFhirApiKeys(env.FHIR_API_KEYS, environment),
    hsts: env.HSTS === 'on',
    // Test suites sign dozens of users in from 127.0.0.1 each minute: the rate limits there are
    // off unless a test sets them (test/security/sign-in-throttle.test.ts); the lock still applies.
    signIn: {
      perUsername: positiveInt(
        env,
        'SIGN_IN_PER_USERNAME_PER_MINUTE',
        environment === 'test' ? 1_000_000 : DEFAULT_SIGN_IN_LIMITS.perUsername,
      ),
      perAddress: positiveInt(
        env,
        'SIGN_IN_PER_ADDRESS_PER_MINUTE',
        environment === 'test' ? 1_000_000 : DEFAULT_SIGN_IN_LIMITS.perAddress,
      ),
      windowSeconds: DEFAULT_SIGN_IN_LIMITS.windowSeconds,
      lockAfterFailures: positiveInt(env, 'SIGN_IN_LOCK_AFTER_FAILURES', DEFAULT_SIGN_IN_LIMITS.lockAfterFailures),
      lockMinutes: positiveInt(env, 'SIGN_IN_LOCK_MINUTES', DEFAULT_SIGN_IN_LIMITS.lockMinutes),
    },
    // Generous by default: a busy pharmacy switch sends claims in bursts (bench:claims stays under it).
    apiKeyRequestsPerMinute: positiveInt(env, 'API_KEY_REQUESTS_PER_MINUTE', 60_000),
    ...parseProcesses(env),
    partitions: parsePartitions(env),
  };
}

/** HIPAA's six years is a floor for the audit log (docs/security.md#audit-log): a shorter setting is refused. */
function parsePartitions(env: NodeJS.ProcessEnv): PartitionConfig {
  const auditRetentionYears = positiveInt(env, 'AUDIT_RETENTION_YEARS', 6);
  if (auditRetentionYears < 6)
    throw new ConfigError(`AUDIT_RETENTION_YEARS must be at least 6 (HIPAA), got ${auditRetentionYears}`);
  return {
    monthsAhead: positiveInt(env, 'PARTITION_MONTHS_AHEAD', 3),
    claimsRetentionYears: positiveInt(env, 'CLAIMS_RETENTION_YEARS', 10),
    auditRetentionYears,
  };
}

const JOBS_MODES: JobsMode[] = ['on', 'off', 'only', 'dedicated'];

/**
 * WORKERS and JOBS. PGlite is an embedded database: one process opens its data folder, so more
 * than one process (WORKERS > 1, or a dedicated jobs process) needs PostgreSQL.
 */
function parseProcesses(env: NodeJS.ProcessEnv): { workers: number; jobs: JobsMode } {
  const workers = positiveInt(env, 'WORKERS', 1);
  const jobs = (env.JOBS || 'on') as JobsMode;
  if (!JOBS_MODES.includes(jobs))
    throw new ConfigError(`JOBS must be one of ${JOBS_MODES.join(', ')}, got "${env.JOBS}"`);
  if (!env.DATABASE_URL && (workers > 1 || jobs === 'dedicated'))
    throw new ConfigError(
      `${workers > 1 ? `WORKERS=${workers}` : 'JOBS=dedicated'} needs PostgreSQL: set DATABASE_URL. The embedded database (PGlite, in DATA_DIR) is opened by one process only, so it runs one process (unset WORKERS).`,
    );
  return { workers, jobs };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

const LOOPBACK = ['127.0.0.1', '::1', 'localhost'];

/**
 * The D.0 TCP listener is off unless NCPDP_PORT is set, and listens on loopback unless
 * NCPDP_HOST says otherwise. Claims carry PHI: in production a listener other hosts can reach
 * must speak TLS (NCPDP_TLS_CERT + NCPDP_TLS_KEY), or stay on loopback behind a TLS terminator.
 */
function parseNcpdpTcp(env: NodeJS.ProcessEnv, environment: Environment): NcpdpTcpConfig | null {
  if (!env.NCPDP_PORT) return null;
  const port = Number(env.NCPDP_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`NCPDP_PORT must be a port number, got "${env.NCPDP_PORT}"`);
  const host = env.NCPDP_HOST ?? '127.0.0.1';
  if (!!env.NCPDP_TLS_CERT !== !!env.NCPDP_TLS_KEY)
    throw new ConfigError('NCPDP_TLS_CERT and NCPDP_TLS_KEY go together (PEM certificate and key files)');
  const tls = env.NCPDP_TLS_CERT
    ? { certFile: path.resolve(env.NCPDP_TLS_CERT), keyFile: path.resolve(env.NCPDP_TLS_KEY!) }
    : undefined;
  if (environment === 'production' && !tls && !LOOPBACK.includes(host))
    throw new ConfigError(
      `NCPDP_HOST=${host} would carry claims (PHI) in clear text: set NCPDP_TLS_CERT and NCPDP_TLS_KEY, or keep the listener on 127.0.0.1 behind a TLS terminator`,
    );
  return { port, host, ...(tls ? { tls } : {}) };
}

/** SMART Backend Services is the production way in; API keys there only when an operator says so. */
function parseFhirApiKeys(value: string | undefined, environment: Environment): boolean {
  if (value === undefined || value === '') return environment !== 'production';
  if (value === 'allow') return true;
  if (value === 'refuse') return false;
  throw new ConfigError(`FHIR_API_KEYS must be "allow" or "refuse", got "${value}"`);
}

function parseEnvironment(value: string | undefined): Environment {
  if (value === 'production' || value === 'test') return value;
  return 'development';
}
