import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from '../../scripts/server-node-flags.mjs';

describe('the server node flags npm start gives', () => {
  it.each([
    [{}, [], ['--max-semi-space-size=4']],
    [{ DATABASE_URL: 'postgres://db/x' }, [], []],
    [{}, ['--max-semi-space-size=16'], []],
    [{ NODE_OPTIONS: '--max-semi-space-size=8' }, [], []],
    [{ NODE_OPTIONS: '--max-old-space-size=512' }, [], ['--max-semi-space-size=4']],
  ])('env %j, node flags %j: %j', (env, execArgv, expected) => {
    expect(serverNodeFlags(env, execArgv)).toEqual(expected);
  });
});

/**
 * runServerInChild, as scripts/start.mjs runs the embedded database's server: a stand-in server
 * that reports its flags and how many SIGTERMs it saw, then exits with a code of its own.
 */
describe('the server run in a child with its flags', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'start-script-'));
  const server = path.join(dir, 'main.js');
  writeFileSync(
    server,
    `let seen = 0;
     process.on('SIGTERM', () => { seen++; setTimeout(() => { console.log('stopped after ' + seen); process.exit(7); }, 200); });
     console.log('flags ' + process.execArgv.join(' '));
     setInterval(() => {}, 1000);`,
  );
  const launcher = path.join(dir, 'launch.mjs');
  const flagsModule = pathToFileURL(path.resolve('scripts/server-node-flags.mjs')).href;
  writeFileSync(
    launcher,
    `import { runServerInChild } from ${JSON.stringify(flagsModule)};
     runServerInChild(${JSON.stringify(server)}, ['--max-semi-space-size=4']);`,
  );

  it('gets the flags, receives a SIGTERM sent to npm start once, and its exit code is npm start’s', async () => {
    const parent = spawn(process.execPath, [launcher], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    parent.stdout.on('data', (d) => (out += d));
    while (!out.includes('flags')) await new Promise((r) => setTimeout(r, 20));
    parent.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => parent.on('exit', r));
    expect(out).toContain('flags --max-semi-space-size=4');
    expect(out).toContain('stopped after 1');
    expect(code).toBe(7);
  });
});
