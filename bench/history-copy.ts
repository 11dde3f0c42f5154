/**
 * Real-history claims for bench:claims, loaded with COPY FROM STDIN (pg-copy-streams) on PostgreSQL
 * and COPY FROM '/dev/blob' on PGlite: rows are generated here as COPY text and streamed, never
 * inserted one by one (issue #15).
 *
 * What a row is: a paid fill of one of the plan's formulary drugs by one of the bench's own members.
 * Each member fills FILLS_PER_YEAR claims a year: a regimen of chronic drugs refilled every 28 days
 * (one in three members starts from a step-therapy prerequisite such as metformin, one in ten takes
 * a PA drug under an active authorization), a new prescription number each year of 13 fills. A
 * history larger than members × FILLS_PER_YEAR is more years (10 M over 20,000 members = 10 years,
 * the claims retention), each month in its own partition. The newest fill of each regimen drug
 * ended before today, so the mix's own outcomes (paid, 75, 70, 79, D) keep their meaning.
 * request/response hold {} (the claim-context query reads neither); bench:claims measures the bytes
 * of a full adjudicated row separately.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../src/platform/db.js';
import { createPartitionsAhead } from '../src/platform/partition-maintenance.js';
import { PARTITIONED } from '../src/composition/partitioned-tables.js';
import { monthOf } from '../src/platform/month-partitions.js';
import { memberId } from './bench-setup.js';

/**
 * pg-copy-streams (devDependency) is imported when a PostgreSQL history is loaded, by a specifier
 * the type checker does not resolve: checkouts whose node_modules predate the dependency (engineers'
 * worktrees, /work/main) still type-check; `npm ci` installs it for the bench itself.
 */
type CopyFrom = (text: string) => NodeJS.WritableStream & { text: string };
async function loadCopyFrom(): Promise<CopyFrom> {
  const specifier = 'pg-copy-streams';
  const mod = (await import(specifier)) as { from: CopyFrom };
  return mod.from;
}

export const FILLS_PER_YEAR = 50;
const SPACING_DAYS = 28;
const FILLS_PER_RX = 13;

export interface HistoryDrug {
  ndc: string;
  rxcui: string;
  groupId: string;
  ingredient: string;
  drugClass: string;
}

export interface HistoryPlan {
  members: number;
  rows: number;
  today: string;
  planId: string;
  pharmacyNpi: string;
  prescriberNpi: string;
  chronic: HistoryDrug[];
  prereq: HistoryDrug[];
  paDrugs: HistoryDrug[];
}

const COLUMNS =
  'id, pharmacy_npi, prescription_number, fill_number, date_of_service, cardholder_id, member_id, plan_id, product_id, ' +
  'rxcui, group_id, ingredient, drug_class, quantity, days_supply, prescriber_npi, transaction_status, request, response, received_at';

/** COPY text: backslash, tab and newline escaped; empty → \N (null). */
const esc = (v: string) => (v === '' ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

const DAY_MS = 86_400_000;
const daysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** How the history is laid out: fills per member, regimen slots, years. */
export function historyShape(plan: Pick<HistoryPlan, 'members' | 'rows'>) {
  const perMember = Math.max(1, Math.round(plan.rows / plan.members));
  const years = Math.ceil(perMember / FILLS_PER_YEAR);
  const perYear = Math.ceil(perMember / years);
  const slots = Math.max(1, Math.ceil(perYear / FILLS_PER_RX));
  const oldestDay = 30 + slots + Math.ceil(perMember / slots) * SPACING_DAYS;
  return { perMember, years, slots, oldestDay };
}

/** One member's drug for a regimen slot (slot 0: PA drug for m % 10 = 3, prerequisite for m % 3 = 0). */
function drugFor(plan: HistoryPlan, m: number, slot: number): HistoryDrug {
  if (slot === 0 && m % 10 === 3 && plan.paDrugs.length > 0) return plan.paDrugs[m % plan.paDrugs.length]!;
  if (slot === 0 && m % 3 === 0 && plan.prereq.length > 0) return plan.prereq[m % plan.prereq.length]!;
  return plan.chronic[(m * 7919 + slot * 104729) % plan.chronic.length]!;
}

/** COPY text for members [m0, m1), one chunk per member batch. */
function* historyText(plan: HistoryPlan, batch = 500): Generator<string> {
  const { perMember, slots } = historyShape(plan);
  const receivedAt = `${plan.today} 00:00:00+00`;
  for (let m0 = 0; m0 < plan.members; m0 += batch) {
    const lines: string[] = [];
    for (let m = m0; m < Math.min(m0 + batch, plan.members); m++) {
      const member = memberId(m);
      for (let k = 0; k < perMember; k++) {
        const slot = k % slots;
        const j = Math.floor(k / slots); // 0 = newest fill of this slot's drug
        const d = drugFor(plan, m, slot);
        const rx = `H${m}S${slot}Y${Math.floor(j / FILLS_PER_RX)}`;
        const fill = FILLS_PER_RX - 1 - (j % FILLS_PER_RX);
        const dos = daysBefore(plan.today, 30 + slot + j * SPACING_DAYS);
        lines.push(
          [
            `hist_${m}_${k}`,
            plan.pharmacyNpi,
            rx,
            String(fill),
            dos,
            member,
            member,
            plan.planId,
            d.ndc,
            d.rxcui,
            d.groupId,
            esc(d.ingredient),
            esc(d.drugClass),
            '28',
            '28',
            plan.prescriberNpi,
            'P',
            '{}',
            '{}',
            receivedAt,
          ].join('\t'),
        );
      }
    }
    yield lines.join('\n') + '\n';
  }
}

/**
 * Creates the months the history spans (as migration 0018 does for existing data: the DEFAULT
 * partition is for strays, not for years of claims), then streams the rows. Returns the method used.
 */
export async function copyHistory(db: Database, plan: HistoryPlan): Promise<string> {
  const { oldestDay } = historyShape(plan);
  const first = monthOf(daysBefore(plan.today, oldestDay));
  const months =
    (Number(plan.today.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    (Number(plan.today.slice(5, 7)) - Number(first.slice(5, 7)));
  await createPartitionsAhead(db, PARTITIONED.claims, first, months);
  // A bulk load builds the keys after the rows, as pg_restore does: the definitions are read from
  // the catalog and rebuilt exactly as they were (one sort per index instead of 4 × N insertions).
  const keys = await db.query<{ name: string; def: string; constraint: boolean }>(
    `select c.relname as name, pg_get_indexdef(c.oid) as def, exists (select 1 from pg_constraint k where k.conindid = c.oid) as constraint
       from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'claims'::regclass`,
  );
  for (const k of keys)
    await db.query(k.constraint ? `alter table claims drop constraint "${k.name}"` : `drop index "${k.name}"`);
  const method = await copyRows(db, plan);
  for (const k of keys)
    await db.query(
      k.constraint
        ? `alter table claims add constraint "${k.name}" primary key (${/\((.*)\)$/.exec(k.def)![1]})`
        : k.def.replace(' ON ONLY ', ' ON '), // ON ONLY would build the parent's index alone, invalid
    );
  return method;
}

async function copyRows(db: Database, plan: HistoryPlan): Promise<string> {
  if (db.kind === 'postgres') {
    const copyFrom = await loadCopyFrom();
    const client = await db.pool!.connect();
    try {
      const sink = client.query(
        copyFrom(`copy claims (${COLUMNS}) from stdin`) as never,
      ) as unknown as NodeJS.WritableStream;
      await pipeline(Readable.from(historyText(plan)), sink);
    } finally {
      client.release();
    }
    return 'COPY FROM STDIN (pg-copy-streams)';
  }
  // PGlite: COPY from an in-memory file, in chunks so the bench process holds one chunk at a time.
  let chunk: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    await db.pglite!.query(`copy claims (${COLUMNS}) from '/dev/blob'`, [], { blob: new Blob(chunk) });
    chunk = [];
    size = 0;
  };
  for (const text of historyText(plan)) {
    chunk.push(text);
    size += text.length;
    if (size > 32_000_000) await flush();
  }
  await flush();
  return "COPY FROM '/dev/blob' (PGlite)";
}
