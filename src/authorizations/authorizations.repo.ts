import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import type { PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import { encodeRow, placeholderRow, preparedByShape, preparedPerDb, rowShape, shapeOf } from '../platform/prepared.js';
import { authorizations } from './authorizations.tables.js';

export type AuthorizationRow = typeof authorizations.$inferSelect;
export type NewAuthorizationRow = typeof authorizations.$inferInsert;

/**
 * Draws the next serial for an authorization number (a sequence: concurrent approvals never share
 * one), as a statement without parameters: a transaction that will approve can run it with its
 * `begin` (TransactionOptions.atBegin) and read it with serialDrawn.
 */
export const DRAW_AUTHORIZATION_SERIAL = "select nextval('authorization_serial_seq')::text as serial";

/** The serial DRAW_AUTHORIZATION_SERIAL drew, from its rows. */
export const serialDrawn = (rows: Array<Record<string, unknown>>): number => Number(rows[0].serial);

/** The next serial for an authorization number (a sequence: concurrent approvals never share one). */
export async function nextAuthorizationSerial(db: Db): Promise<number> {
  // node-postgres and PGlite both answer execute() with { rows }.
  const result = (await db.execute(sql.raw(DRAW_AUTHORIZATION_SERIAL))) as unknown as {
    rows: Array<Record<string, unknown>>;
  };
  return serialDrawn(result.rows);
}

/** Inserts unless the number is taken (a number issued before serials existed); undefined then. */
export async function insertAuthorization(db: Db, row: NewAuthorizationRow): Promise<AuthorizationRow | undefined> {
  // Every approval's: built and prepared once per shape (platform/prepared.ts, issue #11).
  const values: Record<string, unknown> = {};
  encodeRow(authorizations, '', row, values);
  const shape = shapeOf(row);
  const prepared = insertAuthorizationPrepared(db, rowShape(row), (layer, name) =>
    layer
      .insert(authorizations)
      .values(placeholderRow('', shape))
      .onConflictDoNothing({ target: authorizations.number })
      .returning()
      .prepare(name),
  );
  return (await prepared.execute(values))[0];
}

const insertAuthorizationPrepared =
  preparedByShape<PgPreparedQuery<PreparedQueryConfig & { execute: AuthorizationRow[] }>>('authorization-insert');

/** Retires an authorization (e.g. a partial one an appeal replaces); false when it was not active. */
export async function revokeAuthorization(db: Db, number: string): Promise<boolean> {
  const rows = await db
    .update(authorizations)
    .set({ status: 'revoked' })
    .where(and(eq(authorizations.number, number), eq(authorizations.status, 'active')))
    .returning({ id: authorizations.id });
  return rows.length === 1;
}

export async function findAuthorizationByNumber(db: Db, number: string): Promise<AuthorizationRow | undefined> {
  return (await db.select().from(authorizations).where(eq(authorizations.number, number)).limit(1))[0];
}

// Read by every new PA case (initiate-request.ts): built once per query layer (platform/prepared.ts).
const findActiveAuthorizationPrepared = preparedPerDb((db) =>
  db
    .select()
    .from(authorizations)
    .where(
      and(
        eq(authorizations.memberId, sql.placeholder('memberId')),
        eq(authorizations.groupId, sql.placeholder('groupId')),
        eq(authorizations.status, 'active'),
        gte(authorizations.effectiveTo, sql.placeholder('date')),
        eq(authorizations.kind, sql.placeholder('kind')),
      ),
    )
    .orderBy(desc(authorizations.effectiveTo))
    .limit(1)
    .prepare('authorization-active-of-kind'),
);

/**
 * The member's active authorization of a kind for a drug-form group that covers `date` or starts
 * later (the one ending last), or undefined.
 */
export async function findActiveAuthorization(
  db: Db,
  key: { memberId: string; groupId: string; date: string; kind: string },
): Promise<AuthorizationRow | undefined> {
  return (await findActiveAuthorizationPrepared(db).execute(key))[0];
}

/**
 * The piece of a larger SQL statement that yields, as a JSON array, the member's active
 * authorizations covering a date (the shape of claims' ActiveAuthorization): the claim context
 * reads them in its one round trip. `member` and `date` are the statement's parameter
 * placeholders, e.g. `$1` and `$5`.
 */
export function activeAuthorizationsJsonSql(member: string, date: string): string {
  return `(select coalesce(json_agg(json_build_object('number', a.number, 'groupId', a.group_id, 'scope', a.scope, 'brandName', a.brand_name,
            'effectiveFrom', a.effective_from::text, 'effectiveTo', a.effective_to::text, 'maxUnits', a.max_units::float8, 'perDays', a.per_days,
            'kind', a.kind, 'tier', a.tier)), '[]'::json)
       from authorizations a
      where a.member_id = ${member} and a.status = 'active' and a.effective_from <= ${date}::date and a.effective_to >= ${date}::date)`;
}

/**
 * The piece of a larger SQL statement that yields, as JSON, the authorization a case stands on
 * today — the newest active one created for the case (its own approval, or the one an appeal
 * overturn created), with its dates and quantity; null when there is none. `paRequestId` is the
 * statement's expression for the case id, e.g. `r.id`; `memberId` (e.g. `r.member_id`), when
 * given, lets a statement over many cases look each up through the member index instead of a scan.
 */
export function caseAuthorizationJsonSql(paRequestId: string, memberId?: string): string {
  return `(select json_build_object('number', a.number, 'effectiveFrom', a.effective_from::text, 'effectiveTo', a.effective_to::text,
            'maxUnits', a.max_units::float8, 'perDays', a.per_days)
       from authorizations a
      where ${memberId ? `a.member_id = ${memberId} and ` : ''}a.pa_request_id = ${paRequestId} and a.status = 'active'
      order by a.created_at desc limit 1)`;
}
