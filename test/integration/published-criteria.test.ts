import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCriteriaVersion, insertCriteriaVersion, listCriteria } from '../../src/priorauth/priorauth.repo.js';
import { findCurrentPublishedCriteria, findPublishedCriteria } from '../../src/priorauth/published-criteria.js';
import type { Database, Db } from '../../src/platform/db.js';
import { openTestDatabase } from '../support/test-app.js';

/**
 * Published criteria versions are read once per process and database (they are immutable, so a
 * case's every step may reuse them): what is returned equals the stored version, a caller's edits
 * throw (it is shared, deeply frozen) and never reach the next caller, unknown versions are not
 * remembered, and two databases never share.
 */
describe('findPublishedCriteria', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let id: string;
  let version: number;
  let selects = 0;
  /** The database's query builder, counting the selects that reach it. */
  let counted: Db;

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    const current = (await listCriteria(database.db, { currentOnly: true }))[0]!;
    ({ id, version } = current);
    counted = new Proxy(database.db, {
      get(target, prop, receiver) {
        if (prop === 'select') selects++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  });
  afterAll(() => drop());

  it('returns the stored version without the movable "current" flag, reading the database once', async () => {
    const ctx = { database };
    const stored = (await findCriteriaVersion(database.db, id, version))!;
    selects = 0;
    const first = await findPublishedCriteria(ctx, id, version, counted);
    const second = await findPublishedCriteria(ctx, id, version, counted);
    expect(selects).toBe(1);
    const { current: _current, ...expected } = stored;
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(first).not.toHaveProperty('current');
  });

  it("a caller's edits to what it was given throw and do not reach the next caller (shared, deeply frozen)", async () => {
    const ctx = { database };
    const mine = (await findPublishedCriteria(ctx, id, version))!;
    expect(() => (mine.body.rules.length = 0)).toThrow(TypeError);
    expect(() => (mine.title = 'edited')).toThrow(TypeError);
    expect(() => mine.body.questionnaire.item!.push({ linkId: 'x', type: 'string' })).toThrow(TypeError);
    const next = (await findPublishedCriteria(ctx, id, version))!;
    expect(next.body.rules.length).toBeGreaterThan(0);
    expect(next.title).not.toBe('edited');
  });

  it('an unknown version is undefined and asked again next time', async () => {
    const ctx = { database };
    selects = 0;
    expect(await findPublishedCriteria(ctx, id, 9999, counted)).toBeUndefined();
    expect(await findPublishedCriteria(ctx, id, 9999, counted)).toBeUndefined();
    expect(selects).toBe(2);
  });

  it('another database (another context) reads its own copy', async () => {
    await findPublishedCriteria({ database }, id, version);
    const other = { database: { ...database } as Database };
    selects = 0;
    await findPublishedCriteria(other, id, version, counted);
    expect(selects).toBe(1);
  });

  // Last: it publishes a new version of the set the tests above read.
  it('the current version: which one is current is asked every time, so a version published since is the one returned', async () => {
    const ctx = { database };
    expect((await findCurrentPublishedCriteria(ctx, id))?.version).toBe(version);
    const stored = (await findCriteriaVersion(database.db, id, version))!;
    await insertCriteriaVersion(database.db, {
      ...stored,
      version: version + 1,
      title: `${stored.title} (revised)`,
      createdAt: new Date(),
    });
    const next = (await findCurrentPublishedCriteria(ctx, id))!;
    expect(next.version).toBe(version + 1);
    expect(next.title).toBe(`${stored.title} (revised)`);
    expect(next).not.toHaveProperty('current');
    expect((await findPublishedCriteria(ctx, id, version))!.title).toBe(stored.title);
    expect(await findCurrentPublishedCriteria(ctx, 'no-such-criteria-set')).toBeUndefined();
  });
});
