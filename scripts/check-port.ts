// `npm start` runs this first: a port in use is reported in words before the web build and the
// database start (see src/platform/port-check.ts).
import { ConfigError, loadConfig } from '../src/config.js';
import { checkPort } from '../src/platform/port-check.js';

try {
  const config = loadConfig();
  const result = await checkPort(config.host, config.port);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`Configuration error: ${err.message}\n`);
  process.exit(1);
}
