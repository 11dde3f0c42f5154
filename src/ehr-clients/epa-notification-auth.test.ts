import { describe, expect, it } from 'vitest';
import type { EhrClientRow } from './ehr-clients.repo.js';
import {
  checkEpaNotificationAuth,
  epaAuthColumns,
  epaAuthView,
  epaNotificationHeaders,
} from './epa-notification-auth.js';

const hub = (o: Partial<EhrClientRow>) =>
  ({
    epaEndpoint: 'https://hub.example/epa',
    epaAuthScheme: 'none',
    epaAuthUsername: null,
    epaAuthSecret: null,
    ...o,
  }) as EhrClientRow;

describe('PANotification credentials', () => {
  it('a bearer token goes to the hub’s current endpoint as Authorization: Bearer', () => {
    const h = hub(epaAuthColumns({ scheme: 'bearer', token: 'tok_0123456789abcdef' }));
    expect(epaNotificationHeaders(h, 'https://hub.example/epa')).toEqual({
      authorization: 'Bearer tok_0123456789abcdef',
    });
    // Another path on the same origin (a case recorded before a path change) still authenticates.
    expect(epaNotificationHeaders(h, 'https://hub.example/old-path')).toHaveProperty('authorization');
  });

  it('Basic is user-id:password in UTF-8, base64 (RFC 7617 §2)', () => {
    const h = hub(epaAuthColumns({ scheme: 'basic', username: 'opbm', password: 'pässwörd' }));
    const header = epaNotificationHeaders(h, 'https://hub.example/epa').authorization;
    expect(Buffer.from(header.replace('Basic ', ''), 'base64').toString('utf8')).toBe('opbm:pässwörd');
  });

  it('an endpoint recorded on an older case at another origin gets no credentials', () => {
    const h = hub(epaAuthColumns({ scheme: 'bearer', token: 'tok_0123456789abcdef' }));
    expect(epaNotificationHeaders(h, 'https://old-hub.example/epa')).toEqual({});
    expect(epaNotificationHeaders(h, 'http://hub.example/epa')).toEqual({});
    expect(epaNotificationHeaders(undefined, 'https://hub.example/epa')).toEqual({});
    expect(epaNotificationHeaders(hub({}), 'https://hub.example/epa')).toEqual({});
  });

  it('the view names the scheme and whether a secret is set, never the secret', () => {
    const h = hub(epaAuthColumns({ scheme: 'basic', username: 'opbm', password: 'hidden-password' }));
    expect(epaAuthView(h)).toEqual({ scheme: 'basic', username: 'opbm', secretSet: true });
    expect(JSON.stringify(epaAuthView(h))).not.toContain('hidden-password');
    expect(epaAuthView(hub({}))).toEqual({ scheme: 'none', username: null, secretSet: false });
  });

  it('refuses header-unsafe values and clear-text endpoints except loopback', () => {
    const paths = (a: Parameters<typeof checkEpaNotificationAuth>[0], e: string | null) =>
      checkEpaNotificationAuth(a, e).map((x) => x.path);
    expect(paths({ scheme: 'bearer', token: 'tok_0123456789abcdef' }, 'https://hub.example/epa')).toEqual([]);
    expect(paths({ scheme: 'bearer', token: 'tok_0123456789abcdef' }, 'http://127.0.0.1:8080/epa')).toEqual([]);
    expect(paths({ scheme: 'bearer', token: 'tok_0123456789abcdef' }, 'http://hub.example/epa')).toEqual([
      'epaEndpoint',
    ]);
    expect(paths({ scheme: 'bearer', token: 'tok_01234567\r\nX-Injected: 1' }, 'https://hub.example/epa')).toEqual([
      'epaAuth.token',
    ]);
    expect(paths({ scheme: 'basic', username: 'a\nb', password: 'p\u0000' }, 'https://hub.example/epa')).toEqual([
      'epaAuth.username',
      'epaAuth.password',
    ]);
    expect(paths({ scheme: 'none' }, 'http://hub.example/epa')).toEqual([]);
  });
});
