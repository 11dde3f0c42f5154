import { and, desc, eq, gte, isNull, lt, lte, type SQL } from 'drizzle-orm';
import { activeAuthorizationsJsonSql } from '../authorizations/index.js';
import type { Database, Db, PreparedCall, TransactionOptions, TxDatabase } from '../platform/db.js';
import type { AccumulatorRow } from './rules/accumulators.js';
import type { MemberFacts } from './rules/eligibility.js';
import type { ActiveAuthorization, HistoryFill } from './rules/utilization.js';
import { claimLongSupplies, claims } from './claims.tables.js';
import { addDays, isRealDate } from '../platform/dates.js';
import { idTime } from '../platform/ids.js';
import { TIMELY_FILING_DAYS } from './rules/date-of-service.js';
import { addMonths, monthOf } from '../platform/month-partitions.js';

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
  /**
   * The member has a paid fill with more than LONG_SUPPLY_DAYS days' supply dated from
   * `longSupplySince` to the day before `historySince` (claim_long_supplies): a fill the read skipped that
   * could still make a refill too soon: only one whose supply still lasts on the date of service.
   * Always false when the two are the same day.
   */
  longSupplyBefore: boolean;
}

/** Which past fills a decision needs: all of them, or those touching these groups, ingredients, classes. */
export type HistoryScope = 'all' | { groupIds: string[]; ingredients: string[]; drugClasses: string[] };

/**
 * The month bounds written into the claim-context statement as constants: the months the history
 * window touches, and the date of service's month for the duplicate probe. PostgreSQL prunes
 * partitions by constants when it plans, so a cached (generic) plan holds only those months' partitions;
 * with parameters alone, a generic plan holds every month of the table and at 10 years of history
 * (121 partitions) the plan cache falls back to planning every claim anew, a dozen partitions each time
 * (docs/scaling.md#partitioning). The parameters still bound the rows exactly; the constants only
 * have to contain them.
 */
export interface ClaimContextMonths {
  /** First month of the history window. */
  historyFrom: string;
  /** The month after the history window's last day. */
  historyUntil: string;
  /** The date of service's month (the duplicate probe reads only it). */
  serviceMonth: string;
}

/** How far past the date of service the history reads: quantity windows see fills billed out of date order. */
const HISTORY_AHEAD_DAYS = 365;

/**
 * `newestDate` is the latest date of service any paid claim can have today (newestPaidDate): the
 * window's constants end there rather than a year past the date of service, so the months created
 * ahead and the DEFAULT partition, which can hold no paid claim, drop out of the plan.
 */
export function claimContextMonths(
  historySince: string,
  dateOfService: string,
  newestDate?: string,
): ClaimContextMonths | null {
  if (!isRealDate(historySince) || !isRealDate(dateOfService)) return null;
  if (newestDate !== undefined && !isRealDate(newestDate)) return null;
  const ahead = addDays(dateOfService, HISTORY_AHEAD_DAYS);
  const last = newestDate !== undefined && newestDate < ahead ? newestDate : ahead;
  const historyFrom = monthOf(historySince);
  const historyUntil = addMonths(last, 1);
  return {
    historyFrom,
    // A window that ends before it starts reads no month (still a valid range for the planner).
    historyUntil: historyUntil > historyFrom ? historyUntil : addMonths(historyFrom, 1),
    serviceMonth: monthOf(dateOfService),
  };
}

/**
 * The latest date of service a paid claim can carry at `now`: a claim pays only dated at most a day
 * past its plan's today (checkDateOfService), and a plan's today is at most a day past the UTC date
 * (no time zone is more than 14 hours ahead of UTC). Two days past the UTC date bounds every row.
 */
export function newestPaidDate(now: Date): string {
  return addDays(now.toISOString().slice(0, 10), 2);
}

/** Each distinct set of month bounds is its own named statement (a handful per connection: the months claims are dated in). */
export function claimContextSql(months: ClaimContextMonths | null): { text: string; name: string } {
  const key = months ? `${months.historyFrom}:${months.historyUntil}:${months.serviceMonth}` : 'any';
  let statement = claimContextStatements.get(key);
  if (!statement) {
    // Only 'YYYY-MM-01' strings built by monthOf/addMonths above reach the text.
    const history = months
      ? ` and c.date_of_service >= '${months.historyFrom}'::date and c.date_of_service < '${months.historyUntil}'::date`
      : '';
    const service = months
      ? ` and d.date_of_service >= '${months.serviceMonth}'::date and d.date_of_service < '${addMonths(months.serviceMonth, 1)}'::date`
      : '';
    statement = { text: claimContextText(history, service), name: `claim-context:${key}` };
    if (claimContextStatements.size < 1000) claimContextStatements.set(key, statement);
  }
  return statement;
}
const claimContextStatements = new Map<string, { text: string; name: string }>();

const claimContextText = (historyMonths: string, serviceMonth: string) => `
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
        and c.date_of_service >= $6::date and c.date_of_service <= $5::date + ${HISTORY_AHEAD_DAYS}${historyMonths}
        and ($7::boolean or c.group_id = any($8::text[]) or c.ingredient = any($9::text[]) or c.drug_class = any($10::text[]))) as history,
    ${activeAuthorizationsJsonSql('$1', '$5')} as authorizations,
    (select coalesce(json_agg(json_build_object('planId', a.plan_id, 'planYearStart', a.plan_year_start::text,
            'deductibleMet', a.deductible_met::text, 'outOfPocketSpent', a.out_of_pocket_spent::text)), '[]'::json)
       from member_accumulators a
      where a.member_id = $1 and a.plan_year_start <= $5::date and a.plan_year_start > $5::date - 366) as accumulators,
    (select d.response from claims d
      where d.pharmacy_npi = $2 and d.prescription_number = $3 and d.fill_number = $4 and d.date_of_service = $5::date${serviceMonth}
        and d.transaction_status = 'P' and d.reversed_at is null limit 1) as duplicate,
    exists(select 1 from claim_long_supplies l
      where l.member_id = $1 and l.date_of_service >= $11::date and l.date_of_service < $6::date
        -- Only a supply that still lasts on the date of service can make it too soon (the refill
        -- threshold is at most 100 % of the supply): one that ran out asks for no second read.
        and l.date_of_service + l.days_supply > $5::date) as long_supply_before`;

/**
 * Everything adjudication reads about a member, in one round trip (a named prepared statement
 * on PostgreSQL): eligibility, the pharmacy's type, the paid history the rules need (from
 * `historySince` to a year after the date of service: quantity windows see fills billed out of
 * date order; the rules ignore what they do not need), active
 * authorizations, and a paid claim with the same pharmacy + Rx number + fill + date of service
 * (a duplicate). Scoping history to the drug's group and step prerequisites keeps the claim's
 * cost flat however long a member's history grows.
 */
export async function loadClaimContext(database: Pick<Database, 'query'>, key: ClaimContextKey): Promise<ClaimContext> {
  const call = claimContextCall(key);
  const rows = await database.query<ClaimContextRow>(call.text, call.params, call.statementName);
  return claimContextOf(rows[0]!);
}

/** What loadClaimContext reads: the claim's key, the history window and scope. */
export interface ClaimContextKey {
  memberId: string;
  pharmacyNpi: string;
  prescriptionNumber: string;
  fillNumber: number;
  dateOfService: string;
  historySince: string;
  /**
   * Where the whole window would start, when `historySince` is later (a claim whose rules look back
   * less far, historyLookbackDays): the read then says whether a long supply was skipped. Default:
   * `historySince`.
   */
  longSupplySince?: string;
  history: HistoryScope;
  /** newestPaidDate(now): where the window's month constants may end. */
  newestDate: string;
}

/** The claim-context statement's row. */
export interface ClaimContextRow {
  member: MemberFacts | null;
  pharmacy_type: string | null;
  history: HistoryFill[];
  authorizations: ActiveAuthorization[];
  accumulators: AccumulatorRow[];
  duplicate: ClaimRow['response'] | null;
  long_supply_before: boolean;
}

/**
 * The claim-context statement for a key, with its parameters: `statementName` for a query of its
 * own, `name` (another name for the same text) for a PreparedCall sent in the round trip of the
 * claim's `begin` (submitClaim): the two are prepared separately on a connection, one by the driver
 * and one by an SQL `prepare`, so they must not share a name.
 */
export function claimContextCall(key: ClaimContextKey): PreparedCall & { statementName: string } {
  const scope = key.history;
  const all = scope === 'all';
  const statement = claimContextSql(claimContextMonths(key.historySince, key.dateOfService, key.newestDate));
  return {
    text: statement.text,
    statementName: statement.name,
    name: `begin-${statement.name}`,
    params: [
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
      key.longSupplySince ?? key.historySince,
    ],
  };
}

/** The claim context from the statement's row. */
export function claimContextOf(row: ClaimContextRow): ClaimContext {
  return {
    member: row.member,
    pharmacyType: row.pharmacy_type,
    history: row.history,
    authorizations: row.authorizations,
    accumulators: row.accumulators,
    duplicate: row.duplicate,
    longSupplyBefore: row.long_supply_before,
  };
}

/**
 * Serializes adjudication per member: a transaction-scoped advisory lock on the member, taken
 * before the claim context is read, so two claims for one member never both decide on a history
 * that lacks the other (refill too soon, quantity windows, step therapy, accumulators). Passed to
 * `Database.transaction`, which takes it in the same round trip as `begin`; released at commit or
 * rollback. It cannot go into the context query itself: at READ COMMITTED a statement reads with
 * the snapshot taken when it started, before it waited for the lock, and would miss the claim
 * committed meanwhile. The key space (first argument) keeps it apart from other advisory locks;
 * hashtext collisions only make two members wait on each other, never skip the lock.
 */
export function memberAdjudicationLock(memberId: string): TransactionOptions {
  return { xactLock: { space: 9009, key: memberId } };
}

/** A paid claim's share of the plan-year totals (docs/design.md#accumulators), as decimal strings. */
export interface AccumulatorShare {
  memberId: string;
  planId: string;
  planYearStart: string;
  deductible: string;
  outOfPocket: string;
}

const CLAIM_COLUMNS = [
  'id',
  'pharmacy_npi',
  'prescription_number',
  'fill_number',
  'date_of_service',
  'cardholder_id',
  'member_id',
  'plan_id',
  'product_id',
  'rxcui',
  'group_id',
  'ingredient',
  'drug_class',
  'quantity',
  'days_supply',
  'prescriber_npi',
  'transaction_status',
  'reject_codes',
  'authorization_number',
  'supply_kind',
  'patient_pay',
  'plan_pay',
  'deductible_applied',
  'plan_year_start',
  'request',
  'response',
  'received_at',
] as const;
const CAST: Partial<Record<(typeof CLAIM_COLUMNS)[number], string>> = {
  date_of_service: 'date',
  fill_number: 'int',
  days_supply: 'int',
  quantity: 'numeric',
  reject_codes: 'text[]',
  patient_pay: 'numeric',
  plan_pay: 'numeric',
  deductible_applied: 'numeric',
  plan_year_start: 'date',
  request: 'jsonb',
  response: 'jsonb',
  received_at: 'timestamptz',
};
const N = CLAIM_COLUMNS.length;

/**
 * The claim insert and, when it is paid, its accumulator update in one statement (one round trip;
 * a data-modifying CTE runs whether or not the outer query reads it). The accumulator row is added
 * only if the claim row was inserted: a paid twin that won the race (the partial unique index,
 * ON CONFLICT DO NOTHING) adds nothing, so totals never count a claim twice.
 */
const insertClaimSql = (onConflict: string) => `
  with inserted as (
    insert into claims (${CLAIM_COLUMNS.join(', ')})
    values (${CLAIM_COLUMNS.map((c, i) => `$${i + 1}${CAST[c] ? `::${CAST[c]}` : ''}`).join(', ')})${onConflict}
    returning id, transaction_status),
  accumulated as (
    insert into member_accumulators (member_id, plan_id, plan_year_start, deductible_met, out_of_pocket_spent, updated_at)
    select $${N + 1}::text, $${N + 2}::text, $${N + 3}::date, $${N + 4}::numeric, $${N + 5}::numeric, $${N + 6}::timestamptz
      from inserted where inserted.transaction_status = 'P' and $${N + 1}::text is not null
    on conflict (member_id, plan_id, plan_year_start) do update set
      deductible_met = member_accumulators.deductible_met + excluded.deductible_met,
      out_of_pocket_spent = member_accumulators.out_of_pocket_spent + excluded.out_of_pocket_spent,
      updated_at = excluded.updated_at)
  select id from inserted`;
const INSERT_CLAIM_SQL = insertClaimSql('\n    on conflict do nothing');
/** The same without ON CONFLICT: a paid twin that won the race fails it (unique_violation, 23505). */
const INSERT_CLAIM_OR_FAIL_SQL = insertClaimSql('');

/**
 * Inserts the claim, and adds a paid claim's share to its member's accumulators in the same
 * statement; false when a paid twin won the race (nothing was written).
 */
export async function insertClaim(
  tx: Pick<TxDatabase, 'query'>,
  row: NewClaimRow,
  share: AccumulatorShare | null,
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(INSERT_CLAIM_SQL, insertClaimParams(row, share), 'claims-insert');
  return rows.length === 1;
}

/**
 * insertClaim sent with the commit, in its round trip (TxDatabase.atCommit): the claim is written
 * and the transaction committed by one simple query. A paid twin that won the race (the partial
 * unique index) fails it with unique_violation (23505) instead of writing nothing, and the
 * transaction rolls back: the caller then answers with the twin (submit-claim.ts).
 */
export function insertClaimAtCommit(
  tx: Pick<TxDatabase, 'atCommit'>,
  row: NewClaimRow,
  share: AccumulatorShare | null,
): void {
  tx.atCommit({
    name: 'claims-insert-at-commit',
    text: INSERT_CLAIM_OR_FAIL_SQL,
    params: insertClaimParams(row, share),
  });
}

function insertClaimParams(row: NewClaimRow, share: AccumulatorShare | null): unknown[] {
  const values: Record<(typeof CLAIM_COLUMNS)[number], unknown> = {
    id: row.id,
    pharmacy_npi: row.pharmacyNpi,
    prescription_number: row.prescriptionNumber,
    fill_number: row.fillNumber,
    date_of_service: row.dateOfService,
    cardholder_id: row.cardholderId,
    member_id: row.memberId ?? null,
    plan_id: row.planId ?? null,
    product_id: row.productId,
    rxcui: row.rxcui ?? null,
    group_id: row.groupId ?? null,
    ingredient: row.ingredient ?? null,
    drug_class: row.drugClass ?? null,
    quantity: row.quantity,
    days_supply: row.daysSupply,
    prescriber_npi: row.prescriberNpi,
    transaction_status: row.transactionStatus,
    reject_codes: row.rejectCodes ?? [],
    authorization_number: row.authorizationNumber ?? null,
    supply_kind: row.supplyKind ?? null,
    patient_pay: row.patientPay ?? null,
    plan_pay: row.planPay ?? null,
    deductible_applied: row.deductibleApplied ?? null,
    plan_year_start: row.planYearStart ?? null,
    request: JSON.stringify(row.request),
    response: JSON.stringify(row.response),
    received_at: row.receivedAt,
  };
  return [
    ...CLAIM_COLUMNS.map((c) => values[c]),
    share?.memberId ?? null,
    share?.planId ?? null,
    share?.planYearStart ?? null,
    share?.deductible ?? null,
    share?.outOfPocket ?? null,
    row.receivedAt,
  ];
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

/**
 * The dates of service a claim with this id can have: its id carries the time it was received
 * (newId), and a date of service is at most the timely-filing window before that and a day after
 * it in the plan's time zone (checkDateOfService), so a lookup reads those months' partitions, not
 * every month of the table (docs/scaling.md#partitioning). Null for an id that carries no time.
 */
export function claimIdServiceDates(id: string): { from: string; to: string } | null {
  const received = idTime(id);
  if (!received || Number.isNaN(received.getTime())) return null;
  const day = received.toISOString().slice(0, 10);
  // Two days of slack either side: the plan's time zone against UTC, and the day-ahead allowance.
  return { from: addDays(day, -TIMELY_FILING_DAYS - 2), to: addDays(day, 2) };
}

export async function findClaimById(db: Db, id: string): Promise<ClaimRow | undefined> {
  const dates = claimIdServiceDates(id);
  if (dates) {
    const rows = await db
      .select()
      .from(claims)
      .where(and(eq(claims.id, id), gte(claims.dateOfService, dates.from), lte(claims.dateOfService, dates.to)))
      .limit(1);
    if (rows[0]) return rows[0];
  }
  // A claim whose id does not carry its time (loaded history), or an unknown id: every month.
  const rows = await db.select().from(claims).where(eq(claims.id, id)).limit(1);
  return rows[0];
}

/** Voids a paid claim exactly once; false when it was not paid or already reversed. */
export async function markClaimReversed(
  db: Db,
  claim: { id: string; dateOfService: string },
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(claims)
    .set({ reversedAt: at })
    .where(
      and(
        eq(claims.id, claim.id),
        // The partition key: the update reads the claim's month only.
        eq(claims.dateOfService, claim.dateOfService),
        eq(claims.transactionStatus, 'P'),
        isNull(claims.reversedAt),
      ),
    )
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
    /** Only paid claims that were not reversed (fills the member has). */
    paidOnly?: boolean;
    limit: number;
  },
): Promise<ClaimRow[]> {
  const where: SQL[] = [];
  if (filter.since) where.push(gte(claims.dateOfService, filter.since));
  // The caller's own NPI as a filter: given as '' it matches nothing, never widens to every claim.
  if (filter.memberId) where.push(eq(claims.memberId, filter.memberId));
  if (filter.pharmacyNpi !== undefined) where.push(eq(claims.pharmacyNpi, filter.pharmacyNpi));
  if (filter.prescriberNpi !== undefined) where.push(eq(claims.prescriberNpi, filter.prescriberNpi));
  if (filter.paidOnly) where.push(eq(claims.transactionStatus, 'P'), isNull(claims.reversedAt));
  return db
    .select()
    .from(claims)
    .where(and(...where))
    .orderBy(desc(claims.receivedAt))
    .limit(filter.limit);
}

/**
 * Member, paid history and active authorizations, without a claim (coverage checks, PA facts), as
 * of `today`, the plan's today. A paid claim is dated at most two days past the UTC date
 * (newestPaidDate) and a plan's today at most a day behind it, so nothing paid is dated past today + 3.
 */
export function loadMemberBenefits(
  database: Database,
  memberId: string,
  today: string,
  historySince: string,
): Promise<ClaimContext> {
  return loadClaimContext(database, {
    memberId,
    pharmacyNpi: '',
    prescriptionNumber: '',
    fillNumber: -1,
    dateOfService: today,
    historySince,
    history: 'all',
    newestDate: addDays(today, 3),
  });
}

/** A claims-volume range: dates of service (the partition key, so only the months asked are read), both days included. */
export interface ClaimVolumeRange {
  from: string;
  to: string;
  planId: string | null;
}

/**
 * Claims per date of service in the range — paid (and of those, reversed since) and rejected — and
 * how often each reject code was returned, aggregated by the database in one round trip each.
 */
export async function countClaimVolume(
  database: Pick<Database, 'query'>,
  r: ClaimVolumeRange,
): Promise<{
  days: Array<{ day: string; paid: number; reversed: number; rejected: number }>;
  rejectCodes: Array<{ code: string; count: number }>;
}> {
  const params = [r.from, r.to, r.planId];
  const inRange = `date_of_service between $1::date and $2::date and ($3::text is null or plan_id = $3::text)`;
  const [days, rejectCodes] = await Promise.all([
    database.query<{ day: string; paid: number; reversed: number; rejected: number }>(
      `select date_of_service::text as day,
              count(*) filter (where transaction_status = 'P')::int as paid,
              count(*) filter (where transaction_status = 'P' and reversed_at is not null)::int as reversed,
              count(*) filter (where transaction_status = 'R')::int as rejected
         from claims
        where ${inRange}
        group by date_of_service
        order by date_of_service`,
      params,
    ),
    database.query<{ code: string; count: number }>(
      `select code, count(*)::int as count
         from claims cross join lateral unnest(reject_codes) as code
        where transaction_status = 'R' and ${inRange}
        group by code
        order by count(*) desc, code`,
      params,
    ),
  ]);
  return { days, rejectCodes };
}

/**
 * Deletes the long supplies no claim can ask about any more, and returns how many: a claim is
 * dated at most TIMELY_FILING_DAYS before today and looks that far back again (loadClaimContext's
 * `longSupplySince`), so a fill older than twice that (and a week's margin) is never read. Run
 * daily with the partitions job: the table keeps about two years of fills over 90 days' supply,
 * far inside the claims' own retention, so a detached month leaves nothing of its members here.
 */
export async function pruneLongSupplies(db: Db, today: string): Promise<number> {
  const before = addDays(today, -(2 * TIMELY_FILING_DAYS + 7));
  const rows = await db
    .delete(claimLongSupplies)
    .where(lt(claimLongSupplies.dateOfService, before))
    .returning({ id: claimLongSupplies.claimId });
  return rows.length;
}
