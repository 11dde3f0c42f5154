import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepExchangeAtCommit } from '../../src/ncpdp/ncpdp.repo.js';
import type { Database } from '../../src/platform/db.js';
import { openTestDatabase } from '../support/test-app.js';

/**
 * TxDatabase.atCommit (src/platform/db.ts): a statement queued there runs last in the transaction,
 * sent with `commit` in one round trip on PostgreSQL. It must commit with the transaction or not at
 * all, and literals built by sqlLiteral/sqlBytea must store exactly what was given, hostile text
 * included. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
describe('statements sent with the commit', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ database, drop } = await openTestDatabase()));
  afterAll(() => drop());

  const row = (id: string, request: Buffer) => ({
    id,
    claimId: `clm_${id}`,
    transactionCode: 'B1',
    groupIndex: 0,
    status: 'P',
    pharmacyNpi: "12345'; drop table claims; --",
    channel: 'http',
    request,
    response: Buffer.from([0, 0x1c, 0x1d, 0x1e, 0x5c, 0x27, 255]),
    receivedAt: new Date('2026-12-03T12:00:00.123Z'),
  });
  const stored = (id: string) =>
    database.query<{ pharmacy_npi: string; request: Uint8Array; response: Uint8Array; received_at: Date }>(
      'select pharmacy_npi, request, response, received_at from ncpdp_exchanges where id = $1',
      [id],
    );

  it('commits the queued statement with the transaction, storing quotes, backslashes and every byte value exactly', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await database.transaction(async (tx) => {
      keepExchangeAtCommit(tx, row('ncx_atcommit1', Buffer.from(bytes)));
      // Not yet written: it runs with the commit.
      expect(await tx.query('select 1 from ncpdp_exchanges where id = $1', ['ncx_atcommit1'])).toHaveLength(0);
    });
    const [r] = await stored('ncx_atcommit1');
    expect(r?.pharmacy_npi).toBe("12345'; drop table claims; --");
    expect(Buffer.from(r!.request).equals(Buffer.from(bytes))).toBe(true);
    expect([...Buffer.from(r!.response)]).toEqual([0, 0x1c, 0x1d, 0x1e, 0x5c, 0x27, 255]);
    expect(new Date(r!.received_at).toISOString()).toBe('2026-12-03T12:00:00.123Z');
    // The hostile text was stored as text, not run: the claims table is still there.
    expect((await database.query<{ t: string | null }>("select to_regclass('claims')::text as t"))[0]?.t).toBe(
      'claims',
    );
  });

  it('rolls back the whole transaction when the queued statement fails, and nothing of it is kept', async () => {
    await expect(
      database.transaction(async (tx) => {
        keepExchangeAtCommit(tx, row('ncx_atcommit2', Buffer.from('first')));
        // Same primary key twice: the second queued insert fails at commit time.
        keepExchangeAtCommit(tx, row('ncx_atcommit2', Buffer.from('second')));
      }),
    ).rejects.toThrow();
    expect(await stored('ncx_atcommit2')).toHaveLength(0);
  });

  it('runs nothing queued when the transaction body throws', async () => {
    await expect(
      database.transaction(async (tx) => {
        keepExchangeAtCommit(tx, row('ncx_atcommit3', Buffer.from('x')));
        throw new Error('body failed');
      }),
    ).rejects.toThrow('body failed');
    expect(await stored('ncx_atcommit3')).toHaveLength(0);
  });
});

/**
 * TransactionOptions.atBegin: a statement run right after `begin` (and the advisory lock), sent
 * with it in one round trip on PostgreSQL; its rows are the transaction's `begun`.
 */
describe('a statement sent with begin', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ database, drop } = await openTestDatabase()));
  afterAll(() => drop());

  it('runs inside the transaction, alone or after the advisory lock, and hands its rows to the body', async () => {
    for (const xactLock of [undefined, { space: 7, key: "member-'1" }]) {
      const seen = await database.transaction(
        async (tx) => {
          const [now] = await tx.query<{ id: string }>('select txid_current()::text as id');
          return { begun: tx.begun, id: now.id };
        },
        { atBegin: 'select txid_current()::text as id, 2 as two', xactLock },
      );
      expect(seen.begun).toEqual([{ id: seen.id, two: 2 }]);
    }
  });

  it('leaves begun empty without one, and a failing one fails the transaction before its body runs', async () => {
    expect(await database.transaction(async (tx) => tx.begun)).toEqual([]);
    let ran = false;
    await expect(
      database.transaction(
        async () => {
          ran = true;
        },
        { atBegin: 'select * from no_such_table' },
      ),
    ).rejects.toThrow();
    expect(ran).toBe(false);
    // The connection went back to the pool usable.
    expect(await database.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
  });
});
