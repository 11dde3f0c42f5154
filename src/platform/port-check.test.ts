import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPort, portProblem } from './port-check.js';

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function occupy(): Promise<number> {
  const s = net.createServer();
  servers.push(s);
  await new Promise<void>((resolve) => s.listen({ host: '127.0.0.1', port: 0 }, resolve));
  return (s.address() as net.AddressInfo).port;
}

describe('the start-up port check', () => {
  it('says a port in use is in use and how to choose another', async () => {
    const port = await occupy();
    const result = await checkPort('127.0.0.1', port);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(result.message).toMatch(/PORT=\d+ npm start/);
  });

  it('lets a free port through and leaves it free', async () => {
    const port = await occupy();
    servers.splice(0).forEach((s) => s.close());
    await new Promise((r) => setTimeout(r, 50));
    expect(await checkPort('127.0.0.1', port)).toEqual({ ok: true });
    expect(await checkPort('127.0.0.1', port)).toEqual({ ok: true });
  });

  it('never suggests the port that is taken', () => {
    expect(portProblem('127.0.0.1', 3001, 'EADDRINUSE')).toContain('PORT=3002 npm start');
    expect(portProblem('127.0.0.1', 3000, 'EADDRINUSE')).toContain('PORT=3001 npm start');
  });

  it('npm start stops before building when the port is taken: words, exit 1, no stack trace', async () => {
    const port = await occupy();
    const run = spawnSync('npx', ['tsx', 'scripts/check-port.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(run.stderr).toContain('npm start');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
