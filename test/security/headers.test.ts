import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/http.js';
import { members, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { deniedCase } from './support/denied-case.js';

// A stand-in build of the portals: the header rules do not depend on what the page contains.
const webDir = mkdtempSync(path.join(os.tmpdir(), 'openpbm-web-'));
writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');

let t: TestApp;
let admin: ApiClient;
let letterPath: string;
beforeAll(async () => {
  t = await createTestApp({ env: { WEB_DIR: webDir } });
  admin = await signIn(t, 'admin');
  const denied = await deniedCase(t);
  letterPath = `/api/v1/notices/${denied.noticeIds[0]}/pdf`;
});
afterAll(() => t?.close());

async function headersOf(url: string, headers: Record<string, string> = {}) {
  const r = await t.app.inject({ method: 'GET', url, headers });
  return { status: r.statusCode, h: r.headers };
}
const bearer = async () => ({ authorization: `Bearer ${(await admin.post('auth/refresh')).body.accessToken}` });

describe('security headers on the portals, the API, the docs page, FHIR and letter PDFs', () => {
  const surfaces = ['/', '/member/claims', '/api/v1/me', '/api/v1/docs/', '/fhir/metadata', 'letter'] as const;

  for (const surface of surfaces) {
    it(`${surface}: CSP with scripts only from this origin, no framing by other sites`, async () => {
      const { status, h } = await headersOf(surface === 'letter' ? letterPath : surface, await bearer());
      expect(status).toBeLessThan(400);
      const csp = String(h['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'self' blob:");
      expect(h['x-frame-options']).toBe('SAMEORIGIN');
    });

    it(`${surface}: nosniff and Referrer-Policy`, async () => {
      const { h } = await headersOf(surface === 'letter' ? letterPath : surface, await bearer());
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('no-referrer');
    });
  }

  it('the portals keep every script in a file: index.html has no inline script', () => {
    const html = readFileSync(path.resolve('web/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});

describe('Cache-Control: no-store on PHI answers', () => {
  it('API JSON about a member, problem answers and the letter PDF are no-store', async () => {
    const [m] = await members(t);
    const auth = await bearer();
    expect((await headersOf(`/api/v1/members/${m.id}`, auth)).h['cache-control']).toBe('no-store');
    expect((await headersOf('/api/v1/members/NOPE', auth)).h['cache-control']).toBe('no-store');
    const pdf = await headersOf(letterPath, auth);
    expect(pdf.status).toBe(200);
    expect(String(pdf.h['content-type'])).toContain('application/pdf');
    expect(pdf.h['cache-control']).toBe('no-store');
    expect((await headersOf(`/fhir/Patient/${m.id}`)).h['cache-control']).toBe('no-store');
  });

  it('the portal page itself is not no-store (revalidated, holds no PHI)', async () => {
    expect((await headersOf('/member/claims')).h['cache-control']).not.toBe('no-store');
  });
});

describe('HSTS only over TLS', () => {
  it('plain HTTP gets no Strict-Transport-Security', async () => {
    expect((await headersOf('/api/v1/openapi.json')).h['strict-transport-security']).toBeUndefined();
  });

  it('behind a TLS terminator (HSTS=on, X-Forwarded-Proto: https) HSTS is sent; a plain request still gets none', async () => {
    const tls = await createTestApp({ env: { HSTS: 'on' } });
    try {
      const over = await tls.app.inject({
        method: 'GET',
        url: '/api/v1/openapi.json',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(over.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await tls.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await tls.close();
    }
  });
});
