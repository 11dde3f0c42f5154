import { buildApp } from './adapters/http/app.js';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_ACCOUNTS_TEXT } from './demo/demo-accounts.js';
import { isDatabaseEmpty, loadDemoData } from './demo/load-demo-data.js';
import { startJobs } from './composition/jobs.js';
import { startContext } from './composition/start-context.js';
import { portProblem } from './platform/port-check.js';
import { startNcpdpListener, type NcpdpListener } from './ncpdp/tcp-listener.js';
import { readFileSync } from 'node:fs';

async function main() {
  const config = loadConfig();
  const ctx = await startContext(config);
  let demo = false;
  if (config.demoData && (await isDatabaseEmpty(ctx))) {
    process.stderr.write('Empty database: loading the demo data set…\n');
    await loadDemoData(ctx);
    await ctx.database.query('analyze'); // fresh planner statistics for the loaded data
    demo = true;
  } else if (config.demoData) {
    demo = true;
  }
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  // Deadlines and follow-up work run in this process too (workers can also run separately). They
  // start after the server listens: they live in tables, so nothing the API does waits for them,
  // and pg-boss's own start-up (its schema check) no longer delays the first answer.
  const jobs = process.env.JOBS === 'off' ? null : await startJobs(ctx);
  let ncpdp: NcpdpListener | null = null;
  if (config.ncpdp) {
    const { port, host, tls } = config.ncpdp;
    ncpdp = await startNcpdpListener(ctx, {
      port,
      host,
      ...(tls ? { tls: { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {}),
      log: app.log,
    });
  }
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(app.server.address() as { port: number }).port}`;
  const lines = [
    '',
    `OpenPBM is running at ${url}  (open it in a browser and sign in: every role has its portal)`,
    `  database: ${ctx.database.kind}${ctx.database.kind === 'pglite' ? ` (${config.dataDir})` : ''}   clock: ${ctx.clock.kind}`,
    `  API docs: ${url}/api/v1/docs   OpenAPI: ${url}/api/v1/openapi.json   health: ${url}/healthz`,
  ];
  if (ncpdp && config.ncpdp)
    lines.push(`  NCPDP D.0 over TCP: ${config.ncpdp.host}:${ncpdp.port}${config.ncpdp.tls ? ' (TLS)' : ''}`);
  if (demo) lines.push('', DEMO_ACCOUNTS_TEXT);
  process.stdout.write(lines.join('\n') + '\n');

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await ncpdp?.close();
    await app.close();
    await jobs?.stop({ graceful: true, wait: true });
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
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
