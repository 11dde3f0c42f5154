import { build } from 'vite';

/** The browser tests drive the real built app, exactly what `npm start` serves. */
export default async function setup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
