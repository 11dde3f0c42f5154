import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { runCli } from '../../src/cli/main.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../../src/claims/claim-types.js';
import { loadConfig, ConfigError } from '../../src/config.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { trimmed } from '../../src/ncpdp/telecom/header.js';
import { missingMandatoryFields } from '../../src/ncpdp/telecom/response-rules.js';
import { bytesToText } from '../../src/ncpdp/telecom/separators.js';
import { parseTransmission } from '../../src/ncpdp/telecom/transmission.js';
import { startNcpdpListener, type ListenerLog, type NcpdpListener } from '../../src/ncpdp/tcp-listener.js';
import { writeBillingRequest } from '../../src/ncpdp/write-request.js';
import { TEST_TODAY } from '../support/constants.js';
import { readGroup } from '../support/d0.js';
import { TcpD0Client } from '../support/d0-tcp.js';
import { members, type MemberRow } from '../support/scenario.js';
import { authenticateBearer } from '../../src/identity/authenticate.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let listener: NcpdpListener;
let m: MemberRow;
let others: MemberRow[];
const logged: Array<{ obj: object; msg: string }> = [];
const log: ListenerLog = {
  info: (obj, msg) => logged.push({ obj, msg }),
  warn: (obj, msg) => logged.push({ obj, msg }),
  error: (obj, msg) => logged.push({ obj, msg }),
};
const KEY = DEMO.pharmacies.retail.apiKey;

/** A paid-able claim; `who` picks another member so paid claims do not make each other too soon (79). */
const claim = (rx: string, who = 0): ClaimRequest => ({
  bin: '610011',
  pcn: 'BAYRX',
  groupId: 'IHSS01',
  cardholderId: (who ? others[who] : m).id,
  patient: { dateOfBirth: (who ? others[who] : m).date_of_birth },
  pharmacyNpi: DEMO.pharmacies.retail.npi,
  prescriptionNumber: rx,
  fillNumber: 0,
  dateOfService: TEST_TODAY,
  productId: DEMO.ndcs.metformin,
  quantityDispensed: 60,
  daysSupply: 30,
  prescriberNpi: DEMO.prescribers.primaryCare,
  submittedIngredientCost: '8.00',
  usualAndCustomaryCharge: '12.00',
});
const d0 = (b: Buffer | null) => parseTransmission(bytesToText(b!));

beforeAll(async () => {
  t = await createTestApp();
  [m] = await members(t, 'id = $1', [DEMO.members.ihss]);
  others = await members(t, "plan_id = 'IHSS01' and termination_date is null and id <> $1", [m.id]);
  listener = await startNcpdpListener(t.ctx, { port: 0, host: '127.0.0.1', log, authTimeoutMs: 2000 });
});
afterAll(async () => {
  await listener?.close();
  await t?.close();
});

describe('D.0 over TCP (length-prefixed frames, API key in the first frame)', () => {
  it('authenticates the connection with the pharmacy key, then answers a B1 on the same connection', async () => {
    const c = await TcpD0Client.connect(listener.port);
    expect(String(await c.request(KEY))).toBe('OK');
    const r = d0(await c.request(writeBillingRequest([claim('T1')])));
    expect(missingMandatoryFields(r)).toEqual([]);
    expect(readGroup(r)).toMatchObject({ status: 'P' });
    c.close();
  });

  it('answers pipelined transmissions one frame each, in the order sent', async () => {
    const c = await TcpD0Client.connect(listener.port);
    c.write(KEY);
    for (const rx of ['T10', 'T11', 'T12'])
      c.write(writeBillingRequest([{ ...claim(rx), productId: DEMO.ndcs.nonFormulary }]));
    expect(String(await c.next())).toBe('OK');
    const answers = [await c.next(), await c.next(), await c.next()].map(d0);
    expect(answers.map((a) => readGroup(a).rejects)).toEqual([['70'], ['70'], ['70']]);
    expect(answers.map((a) => a.groups[0].find((s) => s.id === 'AM22')!.fields[1].value)).toEqual([
      'T10',
      'T11',
      'T12',
    ]);
    c.close();
  });

  it('refuses a connection whose first frame is not a pharmacy key (DENIED, closed), and adjudicates nothing', async () => {
    const before = (await t.ctx.database.query<{ n: number }>('select count(*)::int as n from claims'))[0].n;
    const c = await TcpD0Client.connect(listener.port);
    expect(String(await c.request(writeBillingRequest([claim('T20')])))).toBe('DENIED');
    expect(await c.next()).toBeNull();
    const wrong = await TcpD0Client.connect(listener.port);
    expect(String(await wrong.request('opbm_not_a_real_key_0000000000000000000000'))).toBe('DENIED');
    expect((await t.ctx.database.query<{ n: number }>('select count(*)::int as n from claims'))[0].n).toBe(before);
  });

  it('closes a connection that sends no key in time', async () => {
    const c = await TcpD0Client.connect(listener.port);
    expect(await c.next()).toBeNull(); // after authTimeoutMs
  });

  it('closes a connection announcing a frame over 64 KiB without reading it', async () => {
    const c = await TcpD0Client.connect(listener.port);
    expect(String(await c.request(KEY))).toBe('OK');
    c.socket.write(Buffer.from([0, 2, 0, 0])); // 131072 bytes announced
    expect(await c.next()).toBeNull();
  });

  it('answers garbage in a frame with a D.0 rejection and keeps the connection', async () => {
    const c = await TcpD0Client.connect(listener.port);
    expect(String(await c.request(KEY))).toBe('OK');
    const bad = d0(await c.request(Buffer.from('not a transmission')));
    expect(trimmed(bad.header, 'headerResponseStatus')).toBe('R');
    expect(readGroup(await c.request(writeBillingRequest([claim('T30', 1)])).then(d0))).toMatchObject({ status: 'P' });
    c.close();
  });

  it('stops answering on an open connection once the key is revoked (checked again per transmission)', async () => {
    const valid = new Set([KEY]);
    const revocable = await startNcpdpListener(t.ctx, {
      port: 0,
      host: '127.0.0.1',
      log,
      authenticate: async (key) => (valid.has(key) ? authenticateBearer(t.ctx, key) : null),
    });
    const c = await TcpD0Client.connect(revocable.port);
    expect(String(await c.request(KEY))).toBe('OK');
    expect(readGroup(d0(await c.request(writeBillingRequest([claim('T50', 2)]))))).toMatchObject({ status: 'P' });
    valid.delete(KEY);
    expect(String(await c.request(writeBillingRequest([claim('T51', 3)])))).toBe('DENIED');
    expect(await c.next()).toBeNull();
    const n = await t.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from claims where prescription_number = 'T51'`,
    );
    expect(n[0].n).toBe(0);
    await revocable.close();
  });

  it('logs transaction codes, statuses and reject codes, never the cardholder or the patient', () => {
    const text = JSON.stringify(logged);
    expect(text).toContain('"transactionCode":"B1"');
    expect(text).not.toContain(m.id);
    expect(text).not.toContain(m.date_of_birth.replace(/-/g, ''));
  });
});

describe('the TCP listener configuration', () => {
  it('is off by default', () => {
    expect(loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv).ncpdp).toBeNull();
  });

  it('listens on loopback unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test', NCPDP_PORT: '3206' } as NodeJS.ProcessEnv).ncpdp).toEqual({
      port: 3206,
      host: '127.0.0.1',
    });
  });

  it('refuses, in production, a listener other hosts can reach without TLS', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DEMO_DATA: 'false' };
    expect(() => loadConfig({ ...prod, NCPDP_PORT: '3206', NCPDP_HOST: '0.0.0.0' } as NodeJS.ProcessEnv)).toThrow(
      ConfigError,
    );
    expect(
      loadConfig({
        ...prod,
        NCPDP_PORT: '3206',
        NCPDP_HOST: '0.0.0.0',
        NCPDP_TLS_CERT: 'c.pem',
        NCPDP_TLS_KEY: 'k.pem',
      } as NodeJS.ProcessEnv).ncpdp?.tls,
    ).toBeTruthy();
  });

  it('speaks TLS when given a certificate and key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ncpdp-tls-'));
    const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-days',
        '1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const secure = await startNcpdpListener(t.ctx, {
      port: 0,
      host: '127.0.0.1',
      log,
      tls: { cert: readFileSync(cert), key: readFileSync(key) },
    });
    const c = await TcpD0Client.connect(secure.port, { tls: { ca: readFileSync(cert) } });
    expect(String(await c.request(KEY))).toBe('OK');
    expect(readGroup(d0(await c.request(writeBillingRequest([claim('T40', 4)]))))).toMatchObject({ status: 'P' });
    c.close();
    await secure.close();
  });
});

describe('npm run cli -- ncpdp send / decode', () => {
  function capture() {
    const lines: string[] = [];
    const errs: string[] = [];
    const err = { write: (s: string) => errs.push(s) > 0, isTTY: false } as unknown as NodeJS.WriteStream;
    return { out: { log: (s: string) => lines.push(s), err }, lines, errs };
  }
  const file = (bytes: Buffer) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ncpdp-cli-'));
    const f = path.join(dir, 'b1.d0');
    writeFileSync(f, bytes);
    return f;
  };

  it('sends a transmission over HTTP and prints the decoded response (status line on stderr)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const c = capture();
    const code = await runCli(
      ['ncpdp', 'send', '--to', url, '--key', KEY, file(writeBillingRequest([claim('T60', 5)]))],
      c.out,
    );
    expect(code).toBe(0);
    expect(c.errs.join('')).toBe('B1 response: header A; group 1: P\n');
    const decoded = JSON.parse(c.lines.join('\n'));
    expect(decoded.groups[0][0]).toMatchObject({ id: 'AM21', name: 'Response Status' });
  });

  it('sends over the TCP listener (tcp://host:port) the same way', async () => {
    const c = capture();
    const to = `tcp://127.0.0.1:${listener.port}`;
    expect(
      await runCli(['ncpdp', 'send', '--to', to, '--key', KEY, file(writeBillingRequest([claim('T61', 6)]))], c.out),
    ).toBe(0);
    expect(c.errs.join('')).toBe('B1 response: header A; group 1: P\n');
  });

  it('fails with a message (exit 1) when the key is refused', async () => {
    const to = `tcp://127.0.0.1:${listener.port}`;
    await expect(
      runCli(
        ['ncpdp', 'send', '--to', to, '--key', 'opbm_nope', file(writeBillingRequest([claim('T62', 7)]))],
        capture().out,
      ),
    ).rejects.toThrow(/refused the API key/);
  });

  it('decodes a transmission: segments and fields named, amounts and dates read', async () => {
    const c = capture();
    expect(await runCli(['ncpdp', 'decode', file(writeBillingRequest([claim('T63')]))], c.out)).toBe(0);
    const decoded = JSON.parse(c.lines.join('\n'));
    const pricing = decoded.groups[0].find((s: { id: string }) => s.id === 'AM11');
    expect(pricing.fields[0]).toEqual({
      id: 'D9',
      element: '409-D9',
      name: 'Ingredient Cost Submitted',
      value: '80{',
      reading: '8.00',
    });
  });
});
