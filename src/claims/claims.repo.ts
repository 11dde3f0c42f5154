import { and, desc, eq, gte, isNull, type SQL } from 'drizzle-orm';
import { activeAuthorizationsJsonSql } from '../authorizations/index.js';
import type { Database, Db, TxDatabase } from '../platform/db.js';
import type { AccumulatorRow } from './rules/accumulators.js';
import type { MemberFacts } from './rules/eligibility.js';
import type { ActiveAuthorization, HistoryFill } from './rules/utilization.js';
import { claims } from './claims.tables.js';

export type ClaimRow = typeof claims.$inferSelect;
export type NewClaimRow = typeof claims.$inferInsert;

export interface ClaimContext {
  member: MemberFacts | null;
  pharmacyType: string | null;
  history: HistoryFill[];
  authorizations: ActiveAuthorization[];
  /** Plan-year totals for the plan years that may hold the date of service. */
  accumulators: AccumulatorRow[];
  duplicate: ClaimRow['response'] | null;
}

/** Which past fills a decision needs: all of them, or those touching these groups, ingredients, classes. */
export type HistoryScope = 'all' | { groupIds: string[]; ingredients: string[]; drugClasses: string[] };

const CLAIM_CONTEXT_SQL = `
  select
    (select json_build_object('id', m.id, 'planId', m.plan_id, 'dateOfBirth', m.date_of_birth::text, 'sex', m.sex,
            'effectiveDate', m.effective_date::text, 'terminationDate', m.termination_date::text)
       from members m where m.id = $1) as member,
    (select p.pharmacy_type from pharmacies p where p.npi = $2) as pharmacy_type,
    (select coalesce(json_agg(json_build_object('claimId', c.id, 'dateOfService', c.date_of_service::text, 'daysSupply', c.days_supply,
            'quantity', c.quantity::float8, 'rxcui', c.rxcui, 'groupId', c.group_id, 'ingredient', c.ingredient, 'drugClass', c.drug_class,
            'supplyKind', c.supply_kind)), '[]'::json)
       from claims c
      where c.member_id = $1 and c.transaction_status = 'P' and c.reversed_at is null
        and c.date_of_service >= $6::date and c.date_of_service <= $5::date + 365
        and ($7::boolean or c.group_id = any($8::text[]) or c.ingredient = any($9::text[]) or c.drug_class = any($10::text[]))) as history,
    ${activeAuthorizationsJsonSql('$1', '$5')} as authorizations,
    (select coalesce(json_agg(json_build_object('planId', a.plan_id, 'planYearStart', a.plan_year_start::text,
            'deductibleMet', a.deductible_met::text, 'outOfPocketSpent', a.out_of_pocket_spent::text)), '[]'::json)
       from member_accumulators a
      where a.member_id = $1 and a.plan_year_start <= $5::date and a.plan_year_start > $5::date - 366) as accumulators,
    (select d.response from claims d
      where d.pharmacy_npi = $2 and d.prescription_number = $3 and d.fill_number = $4 and d.date_of_service = $5::date
        and d.transaction_status = 'P' and d.reversed_at is null limit 1) as duplicate`;

/**
 * Everything adjudication reads about a member, in one round trip (a named prepared statement
 * on PostgreSQL): eligibility, the pharmacy's type, the paid history the rules need (from
 * `historySince` to a year after the date of service: quantity windows see fills billed out of
 * date order; the rules ignore what they do not need), active
 * authorizations, and a paid claim with the same pharmacy + Rx number + fill + date of service
 * (a duplicate). Scoping history to the drug's group and step prerequisites keeps the claim's
 * cost flat however long a member's history grows.
 */
export async function loadClaimContext(
  database: Pick<Database, 'query'>,
  key: {
    memberId: string;
    pharmacyNpi: string;
    prescriptionNumber: string;
    fillNumber: number;
    dateOfService: string;
    historySince: string;
    history: HistoryScope;
  },
): Promise<ClaimContext> {
  const scope = key.history;
  const all = scope === 'all';
  const rows = await database.query<{
    member: MemberFacts | null;
    pharmacy_type: string | null;
    history: HistoryFill[];
    authorizations: ActiveAuthorization[];
    accumulators: AccumulatorRow[];
    duplicate: ClaimRow['response'] | null;
  }>(
    CLAIM_CONTEXT_SQL,
    [
      key.memberId,
      key.pharmacyNpi,
      key.prescriptionNumber,
      key.fillNumber,
      key.dateOfService,
      key.historySince,
      all,
      all ? [] : scope.groupIds,
      all ? [] : scope.ingredients,
      all ? [] : scope.drugClasses,
    ],
    'claim-context',
  );
  const row = rows[0];
  return {
    member: row.member,
    pharmacyType: row.pharmacy_type,
    history: row.history,
    authorizations: row.authorizations,
    accumulators: row.accumulators,
    duplicate: row.duplicate,
  };
}

/**
 * Serializes adjudication per member: a transaction-scoped advisory lock on the member, taken
 * before the claim context is read, so two claims for one member never both decide on a history
 * that lacks the other (refill too soon, quantity windows, step therapy, accumulators). Released
 * at commit or rollback. The key space (first argument) keeps it apart from other advisory locks;
 * hashtext collisions only make two members wait on each other, never skip the lock.
 */
export async function lockMemberForAdjudication(tx: TxDatabase, memberId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(9009, hashtext($1))', [memberId], 'claims-member-lock');
}

/** Inserts the claim; returns null when a paid twin won the race (the partial unique index). */
export async function insertClaim(db: Db, row: NewClaimRow): Promise<ClaimRow | null> {
  const inserted = await db.insert(claims).values(row).onConflictDoNothing().returning();
  return inserted[0] ?? null;
}

export async function findPaidClaimByKey(
  db: Db,
  key: { pharmacyNpi: string; prescriptionNumber: string; fillNumber: number; dateOfService: string },
): Promise<ClaimRow | undefined> {
  const rows = await db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.pharmacyNpi, key.pharmacyNpi),
        eq(claims.prescriptionNumber, key.prescriptionNumber),
        eq(claims.fillNumber, key.fillNumber),
        eq(claims.dateOfService, key.dateOfService),
        eq(claims.transactionStatus, 'P'),
        isNull(claims.reversedAt),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function findClaimById(db: Db, id: string): Promise<ClaimRow | undefined> {
  const rows = await db.select().from(claims).where(eq(claims.id, id)).limit(1);
  return rows[0];
}

/** Voids a paid claim exactly once; false when it was not paid or already reversed. */
export async function markClaimReversed(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(claims)
    .set({ reversedAt: at })
    .where(and(eq(claims.id, id), eq(claims.transactionStatus, 'P'), isNull(claims.reversedAt)))
    .returning({ id: claims.id });
  return rows.length === 1;
}

export async function listClaims(
  db: Db,
  filter: {
    memberId?: string;
    pharmacyNpi?: string;
    prescriberNpi?: string;
    /** Dates of service from this day (YYYY-MM-DD) on. */
    since?: string;
    limit: number;
  },
): Promise<ClaimRow[]> {
  const where: SQL[] = [];
  if (filter.since) where.push(gte(claims.dateOfService, filter.since));
  if (filter.memberId) where.push(eq(claims.memberId, filter.memberId));
  if (filter.pharmacyNpi) where.push(eq(claims.pharmacyNpi, filter.pharmacyNpi));
  if (filter.prescriberNpi) where.push(eq(claims.prescriberNpi, filter.prescriberNpi));
  return db
    .select()
    .from(claims)
    .where(and(...where))
    .orderBy(desc(claims.receivedAt))
    .limit(filter.limit);
}

/** Member, paid history and active authorizations, without a claim (coverage checks, PA facts). */
export function loadMemberBenefits(
  database: Database,
  memberId: string,
  date: string,
  historySince: string,
): Promise<ClaimContext> {
  return loadClaimContext(database, {
    memberId,
    pharmacyNpi: '',
    prescriptionNumber: '',
    fillNumber: -1,
    dateOfService: date,
    historySince,
    history: 'all',
  });
}
