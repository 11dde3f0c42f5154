import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl } from './logger.js';

describe('logs carry no PHI', () => {
  it.each([
    ['/api/v1/claims?memberId=M000101', '/api/v1/claims?[redacted]'],
    ['/api/v1/coverage?memberId=M000101&productId=00169413211', '/api/v1/coverage?[redacted]'],
    ['/api/v1/members/M000101/claims', '/api/v1/members/[member]/claims'],
    ['/api/v1/pa-requests/par_01ABC', '/api/v1/pa-requests/par_01ABC'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('censors PHI keys wherever they appear in a log object', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const options = loggerOptions('info') as pino.LoggerOptions;
    const log = pino({ ...options, serializers: undefined }, sink);
    log.info(
      {
        memberId: 'M000101',
        claim: { patient: { dateOfBirth: '1961-04-02' }, cardholderId: 'M000101' },
        firstName: 'Ana',
      },
      'claim',
    );
    const out = lines.join('');
    expect(out).not.toContain('M000101');
    expect(out).not.toContain('1961-04-02');
    expect(out).not.toContain('Ana');
    expect(out).toContain('[redacted]');
  });
});
