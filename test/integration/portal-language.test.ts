import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, expectProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#portal-language: the portal language a person chooses is stored with their account (any role)
// and comes back with /me, so the next sign-in opens the portal in it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('PUT /me/language', () => {
  it('a prescriber who chose Spanish gets it back at the next sign-in; English again when changed back', async () => {
    const first = await ApiClient.login(t.app, 'dr.park', 'demo-prescriber');
    expect((await first.get('me')).body.language).toBeNull();

    const saved = await first.put('me/language', { language: 'es' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ language: 'es' });

    const later = await ApiClient.login(t.app, 'dr.park', 'demo-prescriber');
    expect((await later.get('me')).body).toMatchObject({ username: 'dr.park', language: 'es' });

    await later.put('me/language', { language: 'en' });
    expect((await first.get('me')).body.language).toBe('en');
  });

  it('each person has their own: member services choosing Spanish changes nobody else', async () => {
    const services = await ApiClient.login(t.app, 'memberservices', 'demo-services');
    const intake = await ApiClient.login(t.app, 'intake', 'demo-intake');
    await services.put('me/language', { language: 'es' });
    expect((await services.get('me')).body.language).toBe('es');
    expect((await intake.get('me')).body.language).toBeNull();
  });

  it('refuses a language the portals are not written in, or none, in problem+json; and anyone signed out', async () => {
    const intake = await ApiClient.login(t.app, 'intake', 'demo-intake');
    expectProblem(await intake.put('me/language', { language: 'fr' }), 400, 'VALIDATION_FAILED');
    expectProblem(await intake.put('me/language', {}), 400, 'VALIDATION_FAILED');
    expectProblem(await intake.put('me/language', { language: 'es', extra: 1 }), 400, 'VALIDATION_FAILED');
    expect((await intake.get('me')).body.language).toBeNull();
    expectProblem(await new ApiClient(t.app).put('me/language', { language: 'es' }), 401, 'UNAUTHENTICATED');
  });
});
