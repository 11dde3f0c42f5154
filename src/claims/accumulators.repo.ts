import type { Database, TxDatabase } from '../platform/db.js';
import type { AccumulatorRow } from './rules/accumulators.js';

/** Takes a reversed claim's share back out of the totals it was added to (the reversal's transaction). */
export async function subtractFromAccumulators(
  tx: TxDatabase,
  claim: { id: string; dateOfService: string },
  at: Date,
): Promise<void> {
  await tx.query(
    `update member_accumulators a
        set deductible_met = a.deductible_met - coalesce(c.deductible_applied, 0),
            out_of_pocket_spent = a.out_of_pocket_spent - coalesce(c.patient_pay, 0),
            updated_at = $2
       from claims c
      where c.id = $1 and c.date_of_service = $3::date and c.plan_year_start is not null
        and a.member_id = c.member_id and a.plan_id = c.plan_id and a.plan_year_start = c.plan_year_start`,
    [claim.id, at, claim.dateOfService],
    'accumulators-subtract',
  );
}

/** The member and their plan, with every plan year's totals that holds `date` (GET /members/{id}/accumulators). */
export async function loadMemberAccumulators(
  database: Pick<Database, 'query'>,
  memberId: string,
  date: string,
): Promise<{ planId: string | null; rows: AccumulatorRow[] } | null> {
  const rows = await database.query<{ plan_id: string | null; accumulators: AccumulatorRow[] }>(
    `select m.plan_id,
            (select coalesce(json_agg(json_build_object('planId', a.plan_id, 'planYearStart', a.plan_year_start::text,
                    'deductibleMet', a.deductible_met::text, 'outOfPocketSpent', a.out_of_pocket_spent::text)), '[]'::json)
               from member_accumulators a
              where a.member_id = m.id and a.plan_year_start <= $2::date and a.plan_year_start > $2::date - 366) as accumulators
       from members m where m.id = $1`,
    [memberId, date],
  );
  return rows[0] ? { planId: rows[0].plan_id, rows: rows[0].accumulators } : null;
}
