import { and, eq, fillPlaceholders, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { encodeRow, placeholderRow, preparedByShape, rowShape, shapeOf } from './prepared.js';

// A query layer that only builds SQL (never connected), and two tables shaped like a case and its history.
const db = drizzle.mock() as unknown as Db;
const paRequests = pgTable('pa_requests', {
  id: text('id').primaryKey(),
  status: text('status').notNull(),
  determination: jsonb('determination'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  assignedTo: text('assigned_to'),
  dueAt: timestamp('due_at', { withTimezone: true }),
  version: integer('version').notNull(),
});
const paHistory = pgTable('pa_history', {
  id: serial('id').primaryKey(),
  paRequestId: text('pa_request_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actor: text('actor').notNull(),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  reason: text('reason'),
  details: jsonb('details'),
});

describe('statements prepared by shape (placeholderRow + encodeRow)', () => {
  it('give the text and the parameters Drizzle builds with the values inline', () => {
    const at = new Date('2026-11-20T17:00:00Z');
    const changes = {
      status: 'approved',
      determination: { decision: 'approved', n: [1] },
      decidedAt: at,
      assignedTo: null,
      dueAt: undefined,
    };
    const history = [
      {
        paRequestId: 'par_1',
        at,
        actor: 'system',
        actorRole: 'system',
        action: 'x',
        fromStatus: 'a',
        toStatus: 'b',
        reason: null,
        details: { k: 'v' },
      },
      {
        paRequestId: 'par_1',
        at,
        actor: 'system',
        actorRole: 'system',
        action: 'y',
        fromStatus: 'b',
        toStatus: 'c',
        reason: 'r',
        details: null,
      },
    ];
    const inline = db
      .with(db.$with('written_history').as(db.insert(paHistory).values(history)))
      .update(paRequests)
      .set({ ...changes, version: sql`${paRequests.version} + ${2}` })
      .where(and(eq(paRequests.id, 'par_1'), eq(paRequests.version, 3), inArray(paRequests.status, ['submitted'])))
      .toSQL();
    const prepared = db
      .with(
        db.$with('written_history').as(db.insert(paHistory).values(history.map((h, i) => placeholderRow(`h${i}.`, h)))),
      )
      .update(paRequests)
      .set({ ...placeholderRow('s.', changes), version: sql`${paRequests.version} + ${2}` })
      .where(
        and(
          eq(paRequests.id, sql.placeholder('id')),
          eq(paRequests.version, sql.placeholder('version')),
          inArray(paRequests.status, [sql.placeholder('status0')]),
        ),
      )
      .toSQL();
    const values: Record<string, unknown> = { id: 'par_1', version: 3, status0: 'submitted' };
    encodeRow(paRequests, 's.', changes, values);
    history.forEach((h, i) => encodeRow(paHistory, `h${i}.`, h, values));
    expect(prepared.sql).toBe(inline.sql);
    expect(fillPlaceholders(prepared.params, values)).toEqual(inline.params);
    expect(rowShape(changes)).toBe('status,determination,decidedAt,assignedTo,');
  });

  it('refuse a value Drizzle would write as SQL', () => {
    expect(() => encodeRow(paRequests, '', { status: sql`'x'` }, {})).toThrow(/SQL expression/);
  });
});

describe('shapeOf', () => {
  it('keeps only which keys carry a value, never the values (a kept build must not hold a call’s data)', () => {
    const content = Buffer.alloc(1024, 1);
    const shape = shapeOf({ id: 'a1', content, note: null, absent: undefined });
    expect(shape).toEqual({ id: true, content: true, note: true });
    expect(Object.values(shape).every((v) => (v as unknown) === true)).toBe(true);
    expect(rowShape(shape)).toBe(rowShape({ id: 'a1', content, note: null, absent: undefined }));
  });
});

describe('preparedByShape past its limit of shapes', () => {
  it('builds unnamed per call and warns the process once, naming the statement', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const names: string[] = [];
    const byShape = preparedByShape<string>('test-stmt', 2);
    const build = (_db: Db, statementName: string) => (names.push(statementName), statementName);
    const got = ['a', 'b', 'a', 'c', 'd', 'b'].map((key) => byShape(db, key, build));
    await new Promise((r) => setImmediate(r)); // emitWarning is delivered on the next tick
    process.off('warning', onWarning);
    expect(got).toEqual(['test-stmt:0', 'test-stmt:1', 'test-stmt:0', '', '', 'test-stmt:1']);
    // Kept shapes were built once each; the two past the limit on each call.
    expect(names).toEqual(['test-stmt:0', 'test-stmt:1', '', '']);
    expect(warnings).toEqual(['test-stmt: more than 2 statement shapes; built per call from now on']);
  });
});
