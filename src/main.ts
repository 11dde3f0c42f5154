import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config.js';
import { runProcess } from './composition/run-process.js';
import { superviseWorkers } from './composition/supervisor.js';
import { portProblem } from './platform/port-check.js';
import { fileURLToPath } from 'node:url';
import { limitHeapGrowth } from './platform/heap-growth.js';
import { prepareNewEmbeddedDatabase, prepareOnly, PREPARE_ONLY } from './composition/prepare-database.js';

async function main() {
  limitHeapGrowth();
  const config = loadConfig();
  if (process.env[PREPARE_ONLY] === '1') return prepareOnly(config);
  // WORKERS=N (or a dedicated jobs process): this process supervises, the workers serve.
  if (cluster.isPrimary && (config.workers > 1 || config.jobs === 'dedicated')) await superviseWorkers(config);
  else {
    await prepareNewEmbeddedDatabase(config, fileURLToPath(import.meta.url));
    await runProcess(config);
  }
}

main().catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
  } else if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    // Taken between the start-up check and listen (or NCPDP_PORT): the same words, no stack trace.
    const config = loadConfig();
    process.stderr.write(`${portProblem(config.host, config.port, code)}\n`);
  } else {
    process.stderr.write(`OpenPBM failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
});
