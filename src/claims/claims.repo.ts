import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
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
  duplicate: ClaimRow['response'] | null;
}

/**
 * Everything adjudication reads about a member, in one round trip: eligibility, the pharmacy's
 * type, a year of paid history, active authorizations, and a paid claim with the same
 * pharmacy + Rx number + fill + date of service (a duplicate).
 */
export async function loadClaimContext(db: Db, key: {
  memberId: string; pharmacyNpi: string; prescriptionNumber: string; fillNumber: number; dateOfService: string; historySince: string;
}): Promise<ClaimContext> {
  const result = await db.execute(sql`
    select
      (select json_build_object('id', m.id, 'planId', m.plan_id, 'dateOfBirth', m.date_of_birth::text, 'sex', m.sex,
              'effectiveDate', m.effective_date::text, 'terminationDate', m.termination_date::text)
         from members m where m.id = ${key.memberId}) as member,
      (select p.pharmacy_type from pharmacies p where p.npi = ${key.pharmacyNpi}) as pharmacy_type,
      (select coalesce(json_agg(json_build_object('claimId', c.id, 'dateOfService', c.date_of_service::text, 'daysSupply', c.days_supply,
              'quantity', c.quantity::float8, 'rxcui', c.rxcui, 'groupId', c.group_id, 'ingredient', c.ingredient, 'drugClass', c.drug_class)), '[]'::json)
         from claims c
        where c.member_id = ${key.memberId} and c.transaction_status = 'P' and c.reversed_at is null
          and c.date_of_service >= ${key.historySince}::date and c.date_of_service <= ${key.dateOfService}::date) as history,
      (select coalesce(json_agg(json_build_object('number', a.number, 'groupId', a.group_id, 'scope', a.scope, 'brandName', a.brand_name,
              'effectiveFrom', a.effective_from::text, 'effectiveTo', a.effective_to::text, 'maxUnits', a.max_units::float8, 'perDays', a.per_days)), '[]'::json)
         from authorizations a
        where a.member_id = ${key.memberId} and a.status = 'active'
          and a.effective_from <= ${key.dateOfService}::date and a.effective_to >= ${key.dateOfService}::date) as authorizations,
      (select d.response from claims d
        where d.pharmacy_npi = ${key.pharmacyNpi} and d.prescription_number = ${key.prescriptionNumber}
          and d.fill_number = ${key.fillNumber} and d.date_of_service = ${key.dateOfService}::date
          and d.transaction_status = 'P' and d.reversed_at is null limit 1) as duplicate
  `);
  const row = (result as unknown as { rows: unknown[] }).rows[0] as { member: MemberFacts | null; pharmacy_type: string | null; history: HistoryFill[]; authorizations: ActiveAuthorization[]; duplicate: ClaimRow['response'] | null };
  return { member: row.member, pharmacyType: row.pharmacy_type, history: row.history, authorizations: row.authorizations, duplicate: row.duplicate };
}

/** Inserts the claim; returns null when a paid twin won the race (the partial unique index). */
export async function insertClaim(db: Db, row: NewClaimRow): Promise<ClaimRow | null> {
  const inserted = await db.insert(claims).values(row).onConflictDoNothing().returning();
  return inserted[0] ?? null;
}

export async function findPaidClaimByKey(db: Db, key: { pharmacyNpi: string; prescriptionNumber: string; fillNumber: number; dateOfService: string }): Promise<ClaimRow | undefined> {
  const rows = await db.select().from(claims).where(and(
    eq(claims.pharmacyNpi, key.pharmacyNpi), eq(claims.prescriptionNumber, key.prescriptionNumber), eq(claims.fillNumber, key.fillNumber),
    eq(claims.dateOfService, key.dateOfService), eq(claims.transactionStatus, 'P'), isNull(claims.reversedAt),
  )).limit(1);
  return rows[0];
}

export async function findClaimById(db: Db, id: string): Promise<ClaimRow | undefined> {
  const rows = await db.select().from(claims).where(eq(claims.id, id)).limit(1);
  return rows[0];
}

/** Voids a paid claim exactly once; false when it was not paid or already reversed. */
export async function markClaimReversed(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(claims).set({ reversedAt: at })
    .where(and(eq(claims.id, id), eq(claims.transactionStatus, 'P'), isNull(claims.reversedAt)))
    .returning({ id: claims.id });
  return rows.length === 1;
}

export async function listClaims(db: Db, filter: { memberId?: string; pharmacyNpi?: string; prescriberNpi?: string; limit: number }): Promise<ClaimRow[]> {
  const where: SQL[] = [];
  if (filter.memberId) where.push(eq(claims.memberId, filter.memberId));
  if (filter.pharmacyNpi) where.push(eq(claims.pharmacyNpi, filter.pharmacyNpi));
  if (filter.prescriberNpi) where.push(eq(claims.prescriberNpi, filter.prescriberNpi));
  return db.select().from(claims).where(and(...where)).orderBy(desc(claims.receivedAt)).limit(filter.limit);
}

/** Member, year of paid history and active authorizations, without a claim (coverage checks). */
export function loadMemberBenefits(db: Db, memberId: string, date: string, historySince: string): Promise<ClaimContext> {
  return loadClaimContext(db, { memberId, pharmacyNpi: '', prescriptionNumber: '', fillNumber: -1, dateOfService: date, historySince });
}
