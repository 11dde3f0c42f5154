import { readFileSync } from 'node:fs';
import { DomainError } from '../platform/errors.js';
import { looksLikeBatch, parseBatch, type BatchFile } from '../ncpdp/telecom/batch.js';
import { decodeTransmission } from '../ncpdp/telecom/decode-transmission.js';
import { trimmed } from '../ncpdp/telecom/header.js';
import { fieldValue, fieldValues, findSegment } from '../ncpdp/telecom/segments.js';
import { bytesToText } from '../ncpdp/telecom/separators.js';
import { parseTransmission, type Transmission } from '../ncpdp/telecom/transmission.js';
import { sendOverTcp } from '../ncpdp/tcp-client.js';
import type { Out } from './commands.js';

function readInput(file: string | undefined): Buffer {
  if (!file) throw new DomainError('VALIDATION_FAILED', 'give the file that holds the transmission');
  try {
    return readFileSync(file);
  } catch (err) {
    throw new DomainError('VALIDATION_FAILED', `Cannot read ${file}: ${(err as Error).message}`);
  }
}

function decodeBatch(b: BatchFile) {
  return {
    batch: b.records.map(({ record }) =>
      record.type === 'detail'
        ? { type: 'detail', reference: record.reference, transmission: decodeTransmission(record.transmission) }
        : record.type === 'header'
          ? { type: 'header', fields: record.fields }
          : record.type === 'trailer'
            ? { type: 'trailer', batchNumber: record.batchNumber, recordCount: record.recordCount }
            : { type: 'unknown', text: record.text },
    ),
    issues: b.issues,
  };
}

/** One line a person reads first: what the response says, group by group. */
export function responseSummary(t: Transmission): string {
  const groups = t.groups.map((g, i) => {
    const s = findSegment(g, 'AM21');
    const rejects = fieldValues(s, 'FB');
    return `group ${i + 1}: ${fieldValue(s, 'AN') ?? '?'}${rejects.length ? ` (${rejects.join(', ')})` : ''}`;
  });
  return `${trimmed(t.header, 'transactionCode') || '??'} response: header ${trimmed(t.header, 'headerResponseStatus') || '?'}; ${groups.join('; ')}`;
}

/** `ncpdp decode FILE`: a transmission or a batch file as readable JSON (issues listed, nothing refused). */
export function ncpdpDecode(out: Out, file: string | undefined): void {
  const text = bytesToText(readInput(file));
  const decoded = looksLikeBatch(text) ? decodeBatch(parseBatch(text)) : decodeTransmission(parseTransmission(text));
  out.log(JSON.stringify(decoded, null, 2));
}

/**
 * `ncpdp send --to URL FILE`: sends one transmission to a running OpenPBM — over HTTP
 * (http(s)://host[:port], the route is added when the URL has no path) or over the TCP listener
 * (tcp://host:port, tls://host:port) — and prints the decoded response. Exit 0 when a D.0
 * response came back, whatever it says.
 */
export async function ncpdpSend(out: Out, args: { file?: string; to?: string; key?: string }): Promise<void> {
  if (!args.to) throw new DomainError('VALIDATION_FAILED', 'ncpdp send needs --to <http(s)://… | tcp://host:port>');
  const key = args.key ?? process.env.OPENPBM_API_KEY;
  if (!key) throw new DomainError('VALIDATION_FAILED', 'ncpdp send needs a pharmacy API key: --key or OPENPBM_API_KEY');
  const body = readInput(args.file);
  let url: URL;
  try {
    url = new URL(args.to);
  } catch {
    throw new DomainError('VALIDATION_FAILED', `--to ${args.to} is not a URL`);
  }
  let response: Buffer;
  if (url.protocol === 'tcp:' || url.protocol === 'tls:') {
    response = await sendOverTcp(
      { host: url.hostname, port: Number(url.port), tls: url.protocol === 'tls:' },
      key,
      body,
    );
  } else if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/api/v1/ncpdp/telecom';
    const r = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
    const bytes = Buffer.from(await r.arrayBuffer());
    if (!r.ok || !String(r.headers.get('content-type')).startsWith('application/octet-stream'))
      throw new DomainError(
        'VALIDATION_FAILED',
        `${url.toString()} answered ${r.status}: ${bytes.toString('utf8').slice(0, 500)}`,
      );
    response = bytes;
  } else throw new DomainError('VALIDATION_FAILED', `--to must be http(s)://, tcp:// or tls://, got ${url.protocol}`);
  const t = parseTransmission(bytesToText(response));
  out.err.write(`${responseSummary(t)}\n`);
  out.log(JSON.stringify(decodeTransmission(t), null, 2));
}
