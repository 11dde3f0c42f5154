import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimContextMonths,
  claimContextSql,
  findClaimById,
  insertClaim,
  markClaimReversed,
  loadClaimContext,
  newestPaidDate,
  type NewClaimRow,
} from '../../src/claims/claims.repo.js';
import {
  insertExchanges,
  keepExchangeAtCommit,
  listExchangesForClaim,
  type NewExchangeRow,
} from '../../src/ncpdp/ncpdp.repo.js';
import { PARTITIONED } from '../../src/composition/partitioned-tables.js';
import { MIGRATIONS_FOLDER, openDatabase, runMigrations, type Database } from '../../src/platform/db.js';
import {
  createPartitionsAhead,
  detachExpiredPartitions,
  listPartitions,
} from '../../src/platform/partition-maintenance.js';
import { addMonths, partitionName } from '../../src/platform/month-partitions.js';
import { newId } from '../../src/platform/ids.js';
import { openTestDatabase } from '../support/test-app.js';

/**
 * Monthly partitions of claims, audit events and D.0 wire copies (migrations 0018 and 0021,
 * docs/scaling.md#partitioning), on PGlite and, with DATABASE_URL, on PostgreSQL: the conversion of
 * a populated table keeps every row and the duplicate-claim guarantee; a claim dated where no partition exists is stored (DEFAULT
 * partition) and moves into its month when the job creates it; the job is idempotent; months past
 * retention are detached, not dropped.
 */

const claim = (id: string, dateOfService: string, prescriptionNumber = `RX-${id}`): NewClaimRow => ({
  id,
  pharmacyNpi: '1234567893',
  prescriptionNumber,
  fillNumber: 0,
  dateOfService,
  cardholderId: 'PART0001',
  memberId: 'PART0001',
  planId: 'part-plan',
  productId: '00000000000',
  quantity: '30',
  daysSupply: 30,
  prescriberNpi: '1245319599',
  transactionStatus: 'P',
  request: {} as never,
  response: {} as never,
  receivedAt: new Date('2026-12-03T12:00:00Z'),
});

const where = async (database: Database, id: string) =>
  (await database.query<{ part: string }>('select tableoid::regclass::text as part from claims where id = $1', [id]))[0]
    ?.part;

/** An empty database (no template): the conversion must start from the schema before 0018. */
async function openEmptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ pglite: new PGlite() });
    return { database, drop: () => database.close() };
  }
  const name = `openpbm_part_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

/** The migrations folder as it was before migration `idx` (journal entries below it). */
function migrationsBefore(idx: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'openpbm-mig-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx < idx);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('converting populated claims and audit_events tables', () => {
  it('keeps every row, in its month, and the duplicate-claim guarantee', async () => {
    const { database, drop } = await openEmptyDatabase();
    const folder = migrationsBefore(18);
    try {
      await migrateTo(database, folder);
      expect(await insertClaim(database, claim('old-1', '2019-04-30'), null)).toBe(true);
      expect(await insertClaim(database, claim('old-2', '2026-12-02'), null)).toBe(true);
      await database.query(
        `insert into audit_events (at, actor, action, entity_type, entity_id) values ('2019-04-30T23:30:00Z', 'a', 'x', 't', '1'), ('2019-05-01T00:30:00Z', 'a', 'x', 't', '2')`,
      );

      await runMigrations(database);

      expect(await where(database, 'old-1')).toBe('claims_p2019_04');
      expect(await where(database, 'old-2')).toBe('claims_p2026_12');
      const audit = await database.query<{ entity_id: string; part: string }>(
        'select entity_id, tableoid::regclass::text as part from audit_events order by id',
      );
      // Cut at UTC midnight: 23:30 on 30 April stays in April.
      expect(audit).toEqual([
        { entity_id: '1', part: 'audit_events_p2019_04' },
        { entity_id: '2', part: 'audit_events_p2019_05' },
      ]);
      // The id sequence survived the swap: a new row takes the next id.
      const next = await database.query<{ id: number }>(
        `insert into audit_events (at, actor, action, entity_type, entity_id) values (now(), 'a', 'x', 't', '3') returning id`,
      );
      expect(Number(next[0]!.id)).toBe(3);
      // A paid twin of a converted claim (same pharmacy, Rx, fill, date) is refused by the partitioned index.
      expect(await insertClaim(database, claim('twin-1', '2019-04-30', 'RX-old-1'), null)).toBe(false);
      const count = await database.query<{ n: string }>(
        `select count(*)::text as n from claims where prescription_number = 'RX-old-1'`,
      );
      expect(count[0]!.n).toBe('1');
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await drop();
    }
  });
});

const exchange = (id: string, claimId: string, receivedAt: string): NewExchangeRow => ({
  id,
  claimId,
  transactionCode: 'B1',
  groupIndex: 0,
  status: 'P',
  pharmacyNpi: '1234567893',
  channel: 'http',
  request: Buffer.from(`request ${id}`),
  response: Buffer.from(`response ${id}`),
  receivedAt: new Date(receivedAt),
});

const exchangePart = async (database: Database, id: string) =>
  (
    await database.query<{ part: string }>(
      'select tableoid::regclass::text as part from ncpdp_exchanges where id = $1',
      [id],
    )
  )[0]?.part;

/** Migrating to a given journal index: the migrators apply what the folder's journal lists. */
async function migrateTo(database: Database, folder: string): Promise<void> {
  if (database.kind === 'postgres') await migratePg(database.db as never, { migrationsFolder: folder });
  else await migratePglite(database.db as never, { migrationsFolder: folder });
}

describe('converting a populated ncpdp_exchanges table (migration 0021)', () => {
  it('keeps every wire copy in its UTC month, its arrival order, and the one-claim copy sent with the commit', async () => {
    const { database, drop } = await openEmptyDatabase();
    const folder = migrationsBefore(21);
    try {
      await migrateTo(database, folder);
      // A claim billed on the last evening of April (UTC) and reversed in May: two months, one claim.
      await insertExchanges(database.db, [
        exchange('ncx-1', 'clm-1', '2019-04-30T23:30:00Z'),
        exchange('ncx-2', 'clm-1', '2019-05-01T00:30:00Z'),
      ]);
      const [before] = await database.query<{ seq: string }>('select max(seq)::text as seq from ncpdp_exchanges');

      await runMigrations(database);

      expect(await exchangePart(database, 'ncx-1')).toBe('ncpdp_exchanges_p2019_04');
      expect(await exchangePart(database, 'ncx-2')).toBe('ncpdp_exchanges_p2019_05');
      expect((await listPartitions(database, PARTITIONED.ncpdp_exchanges)).at(-1)?.name).toBe(
        'ncpdp_exchanges_default',
      );
      // The claim path's wire copy (queued on the transaction, sent with `commit`) lands in its month,
      // and the arrival-order sequence survived the swap (it continues after the converted rows).
      await database.transaction(async (tx) => {
        keepExchangeAtCommit(tx, exchange('ncx-3', 'clm-1', '2019-05-02T10:00:00Z'));
      });
      expect(await exchangePart(database, 'ncx-3')).toBe('ncpdp_exchanges_p2019_05');
      const rows = await listExchangesForClaim(database.db, 'clm-1');
      expect(rows.map((r) => r.id)).toEqual(['ncx-1', 'ncx-2', 'ncx-3']);
      expect(rows.map((r) => r.request.toString())).toEqual(['request ncx-1', 'request ncx-2', 'request ncx-3']);
      expect(rows[2]!.seq).toBe(Number(before!.seq) + 1);
      // The key (id, received_at) still refuses the same copy twice.
      await expect(
        insertExchanges(database.db, [exchange('ncx-3', 'clm-1', '2019-05-02T10:00:00Z')]),
      ).rejects.toThrow();
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await drop();
    }
  });
});

describe('partitions on a migrated database', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase(3));
  });
  afterAll(() => drop());

  it('stores a claim dated where no partition exists, then the job moves it into its month, once', async () => {
    expect(await insertClaim(database, claim('far-1', '2041-01-15'), null)).toBe(true);
    expect(await where(database, 'far-1')).toBe('claims_default');
    // A twin while it sits in the DEFAULT partition is refused as well.
    expect(await insertClaim(database, claim('far-twin', '2041-01-15', 'RX-far-1'), null)).toBe(false);

    const created = await createPartitionsAhead(database, PARTITIONED.claims, '2040-12-10', 2);
    expect(created).toEqual(['claims_p2040_12', 'claims_p2041_01', 'claims_p2041_02']);
    expect(await where(database, 'far-1')).toBe('claims_p2041_01');
    // The new month holds the keys: the twin is still refused there.
    expect(await insertClaim(database, claim('far-twin', '2041-01-15', 'RX-far-1'), null)).toBe(false);
    expect(await insertClaim(database, claim('far-2', '2041-02-03'), null)).toBe(true);
    expect(await where(database, 'far-2')).toBe('claims_p2041_02');

    // Idempotent: a second run (the daily job, another process, the CLI) creates nothing and moves nothing.
    expect(await createPartitionsAhead(database, PARTITIONED.claims, '2040-12-10', 2)).toEqual([]);
    expect(await where(database, 'far-1')).toBe('claims_p2041_01');
    const months = (await listPartitions(database, PARTITIONED.claims)).map((p) => p.name);
    expect(months.filter((n) => n === 'claims_p2041_01')).toHaveLength(1);
    expect(months.at(-1)).toBe('claims_default');
  });

  it('creates audit months at UTC midnight', async () => {
    expect(await createPartitionsAhead(database, PARTITIONED.audit_events, '2041-06-30', 0)).toEqual([
      'audit_events_p2041_06',
    ]);
    await database.query(
      `insert into audit_events (at, actor, action, entity_type, entity_id) values ('2041-06-30T23:59:59Z', 'a', 'x', 't', 'late-june')`,
    );
    const r = await database.query<{ part: string }>(
      `select tableoid::regclass::text as part from audit_events where entity_id = 'late-june'`,
    );
    expect(r[0]!.part).toBe('audit_events_p2041_06');
  });

  it('moves a wire copy out of the DEFAULT partition when its month is created, and detaches it past retention', async () => {
    await insertExchanges(database.db, [exchange('ncx-far', 'clm-far', '2042-03-31T23:59:59Z')]);
    expect(await exchangePart(database, 'ncx-far')).toBe('ncpdp_exchanges_default');
    // A wire copy queued on a claim's transaction routes the same way (its insert names received_at).
    await database.transaction(async (tx) => {
      keepExchangeAtCommit(tx, exchange('ncx-far-2', 'clm-far', '2042-04-01T00:00:00Z'));
    });
    expect(await exchangePart(database, 'ncx-far-2')).toBe('ncpdp_exchanges_default');

    expect(await createPartitionsAhead(database, PARTITIONED.ncpdp_exchanges, '2042-03-15', 1)).toEqual([
      'ncpdp_exchanges_p2042_03',
      'ncpdp_exchanges_p2042_04',
    ]);
    expect(await exchangePart(database, 'ncx-far')).toBe('ncpdp_exchanges_p2042_03');
    expect(await exchangePart(database, 'ncx-far-2')).toBe('ncpdp_exchanges_p2042_04');
    expect((await listExchangesForClaim(database.db, 'clm-far')).map((r) => r.id)).toEqual(['ncx-far', 'ncx-far-2']);

    // Ten years on, March 2042 is past retention and April 2042 is not (a day of it is still inside).
    expect(await detachExpiredPartitions(database, PARTITIONED.ncpdp_exchanges, '2052-04-15', 10)).toContain(
      'ncpdp_exchanges_p2042_03',
    );
    expect((await listExchangesForClaim(database.db, 'clm-far')).map((r) => r.id)).toEqual(['ncx-far-2']);
    const archived = await database.query<{ id: string }>('select id from ncpdp_exchanges_p2042_03');
    expect(archived.map((r) => r.id)).toEqual(['ncx-far']);
  });

  it('plans the claim context once for the months of its window, however many months the table holds', async () => {
    // Five years of months: with parameters alone a cached plan would hold all sixty.
    await createPartitionsAhead(database, PARTITIONED.claims, '2030-01-01', 59);
    const fill = (id: string, dateOfService: string) => ({ ...claim(id, dateOfService), memberId: 'WIN0001' });
    for (const [id, day] of [
      ['win-old', '2033-05-31'], // a day before the window (dos − 365 = 2033-06-15)
      ['win-in-1', '2033-06-15'],
      ['win-in-2', '2034-06-01'],
      ['win-after', '2035-06-15'], // dos + 365: still in the window (fills billed out of date order)
      ['win-past', '2035-06-16'],
    ])
      expect(await insertClaim(database, fill(id!, day!), null)).toBe(true);

    const key = {
      memberId: 'WIN0001',
      pharmacyNpi: '1234567893',
      prescriptionNumber: 'RX-win-in-2',
      fillNumber: 0,
      dateOfService: '2034-06-15',
      historySince: '2033-06-15',
      history: 'all' as const,
      // Read a year later (a claim dated back then, a year late): fills dated after it count.
      newestDate: newestPaidDate(new Date('2035-06-15T12:00:00Z')),
    };
    const context = await loadClaimContext(database, key);
    expect(context.history.map((h) => h.claimId).sort()).toEqual(['win-after', 'win-in-1', 'win-in-2']);

    const relations = await genericPlanRelations(
      claimContextMonths(key.historySince, key.dateOfService, key.newestDate),
    );
    // June 2033 to December 2034 (the last month created), and the DEFAULT partition: the window
    // runs on to June 2035, where no month exists yet, so a row dated there sits in DEFAULT.
    const window = Array.from({ length: 19 }, (_, i) => partitionName('claims', addMonths('2033-06-01', i)));
    expect([...new Set(relations.names)].sort()).toEqual(['claims_default', ...window]);
    expect(relations.prunedAtRun).toBe(0);

    // Read on its date of service, the window ends two days on (newestPaidDate): no paid claim can be
    // dated later, so the months created ahead and DEFAULT are not in the plan.
    const sameDay = claimContextMonths(
      key.historySince,
      key.dateOfService,
      newestPaidDate(new Date('2034-06-15T20:00:00Z')),
    );
    const sameDayRelations = await genericPlanRelations(sameDay);
    const year = Array.from({ length: 13 }, (_, i) => partitionName('claims', addMonths('2033-06-01', i)));
    expect([...new Set(sameDayRelations.names)].sort()).toEqual(year);
    expect(sameDayRelations.prunedAtRun).toBe(0);
  });

  // The plan a long-lived connection keeps (generic) for a claim context with these month constants.
  async function genericPlanRelations(months: ReturnType<typeof claimContextMonths>) {
    const statement = claimContextSql(months);
    return database.transaction(async (tx) => {
      await tx.query('set local plan_cache_mode = force_generic_plan');
      await tx.query(`prepare win_context as ${statement.text}`);
      const plan = await tx.query<{ 'QUERY PLAN': unknown }>(
        `explain (format json) execute win_context('WIN0001', '1234567893', 'RX-win-in-2', 0, '2034-06-15', '2033-06-15', true, '{}', '{}', '{}', '2033-06-15')`,
      );
      await tx.query('deallocate win_context');
      const text = JSON.stringify(plan[0]!['QUERY PLAN']);
      return {
        names: [...text.matchAll(/"Relation Name":"(claims_[a-z0-9_]+)"/g)].map((m) => m[1]),
        // Months the plan held but pruned only when it ran (what parameters alone give).
        prunedAtRun: [...text.matchAll(/"Subplans Removed":(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0),
      };
    });
  }

  it('finds a claim by id in the months its id allows, and one whose id carries no time in any month', async () => {
    const recent = newId('clm', new Date('2034-06-15T12:00:00Z'));
    expect(await insertClaim(database, claim(recent, '2034-06-14'), null)).toBe(true);
    expect(await insertClaim(database, claim('legacy-7', '2031-01-02'), null)).toBe(true);
    expect((await findClaimById(database.db, recent))?.dateOfService).toBe('2034-06-14');
    expect((await findClaimById(database.db, 'legacy-7'))?.dateOfService).toBe('2031-01-02');
    expect(await findClaimById(database.db, newId('clm', new Date('2034-06-15T12:00:00Z')))).toBeUndefined();

    // A reversal updates the claim in its own month, once.
    const found = (await findClaimById(database.db, recent))!;
    expect(await markClaimReversed(database.db, found, new Date('2034-06-16T09:00:00Z'))).toBe(true);
    expect(await markClaimReversed(database.db, found, new Date('2034-06-16T09:00:01Z'))).toBe(false);
    // The month matters: the same id under another date of service is not that claim.
    expect(await markClaimReversed(database.db, { id: 'legacy-7', dateOfService: '2031-01-03' }, new Date())).toBe(
      false,
    );
    expect((await findClaimById(database.db, 'legacy-7'))?.reversedAt).toBeNull();
  });

  it('detaches months past retention for archive, keeping their rows, and leaves the rest', async () => {
    await createPartitionsAhead(database, PARTITIONED.claims, '2010-03-01', 0);
    await createPartitionsAhead(database, PARTITIONED.claims, '2016-12-01', 0);
    expect(await insertClaim(database, claim('ancient-1', '2010-03-09'), null)).toBe(true);
    expect(await insertClaim(database, claim('kept-1', '2016-12-05'), null)).toBe(true);

    // Ten years before 2026-12-03: March 2010 is out; December 2016 still has days inside retention.
    const detached = await detachExpiredPartitions(database, PARTITIONED.claims, '2026-12-03', 10);
    expect(detached).toEqual(['claims_p2010_03']);
    expect(await where(database, 'ancient-1')).toBeUndefined();
    expect(await where(database, 'kept-1')).toBe('claims_p2016_12');
    // Not dropped: the month is a plain table with its rows, ready for pg_dump -t.
    const archived = await database.query<{ id: string }>('select id from claims_p2010_03');
    expect(archived.map((r) => r.id)).toEqual(['ancient-1']);
    expect(await detachExpiredPartitions(database, PARTITIONED.claims, '2026-12-03', 10)).toEqual([]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('creating a month while claims arrive for it (PostgreSQL)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase(3));
  });
  afterAll(() => drop());

  /** Sessions of this database waiting for a lock, once there are `n` of them. */
  async function waitingForLocks(n: number): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const [{ waiting }] = await database.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (waiting >= n) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`fewer than ${n} sessions ever waited for a lock`);
  }

  it('a claim sent while the month moves out of the DEFAULT partition is stored in its month, not refused', async () => {
    // The race CI met on 2026-12-05: the test clock in November, the partitions made from December,
    // so November's rows sat in DEFAULT and the job moved them while requests wrote more.
    expect(await insertClaim(database, claim('race-1', '2043-03-10'), null)).toBe(true);
    const reader = new pg.Client({ connectionString: database.url });
    await reader.connect();
    try {
      // A report reading the table holds the job back at its first lock, so the claim below arrives mid-job.
      await reader.query('begin');
      await reader.query(`select count(*) from claims where date_of_service >= '2043-03-01'`);
      const job = createPartitionsAhead(database, PARTITIONED.claims, '2043-03-05', 0);
      await waitingForLocks(1);
      const arriving = insertClaim(database, claim('race-2', '2043-03-20'), null);
      await waitingForLocks(2);
      await reader.query('commit');
      expect(await job).toEqual(['claims_p2043_03']);
      expect(await arriving).toBe(true);
    } finally {
      await reader.end();
    }
    expect(await where(database, 'race-1')).toBe('claims_p2043_03');
    expect(await where(database, 'race-2')).toBe('claims_p2043_03');
  });
});
