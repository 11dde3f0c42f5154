import type { AppContext } from '../app-context.js';
import { loadAllConcepts } from '../catalog/index.js';
import { countLoaded, emptySummary, type ImportSummary } from '../imports/import-summary.js';
import { recordImportRun, type ImportOptions } from '../imports/import-run.js';
import { readJsonFile } from '../imports/read-import-file.js';
import { DomainError } from '../platform/errors.js';
import { DEFAULT_MARKETPLACE_TIME_ZONE, marketplacePolicy } from '../plans/default-policy.js';
import type { CostShare, PharmacyType, PlanPolicy } from '../plans/plan-policy.js';
import { loadAllPlans, loadAllProcessors, upsertPlan, upsertProcessor, type PlanRow } from '../plans/index.js';
import { loadAllFormularyEntries, replacePlanFormulary } from './formulary.repo.js';
import type { formularyEntries } from './formulary.tables.js';
import { moneyFromNumber } from '../shared/money.js';
import { stateOfHiosPlanId, timeZoneOfState } from '../plans/state-time-zones.js';

/**
 * CMS QHP machine-readable formulary files (the schema in the CMSgov/QHP-provider-formulary-APIs
 * README). Real files published by issuers stray from it: options outside the enums, null options, tier names beyond the examples, a plan's formulary
 * as one object or a list. Those load with a warning; only what cannot be mapped is rejected.
 */

type EntryInsert = typeof formularyEntries.$inferInsert;

/** Processor for QHP plans when the operator names none: QHP files carry no BIN/PCN, so we do not invent one. */
export const QHP_UNASSIGNED_PROCESSOR = {
  id: 'qhp-unassigned',
  name: 'Processor not assigned (QHP plans carry no BIN/PCN)',
  bin: '',
} as const;

/** README pharmacy types → OpenPBM's one cost share per pharmacy type (in-network, one month). */
const PHARMACY_TYPES: Record<string, PharmacyType> = { '1-MONTH-IN-RETAIL': 'retail', '1-MONTH-IN-MAIL': 'mail' };
const README_TIERS = new Set([
  'GENERIC',
  'PREFERRED-GENERIC',
  'NON-PREFERRED-GENERIC',
  'SPECIALTY',
  'BRAND',
  'PREFERRED-BRAND',
  'NON-PREFERRED-BRAND',
  'ZERO-COST-SHARE-PREVENTIVE',
  'MEDICAL-SERVICE',
]);
const COPAY_OPTS = new Set(['AFTER-DEDUCTIBLE', 'BEFORE-DEDUCTIBLE', 'NO-CHARGE', 'NO-CHARGE-AFTER-DEDUCTIBLE']);
const COINSURANCE_OPTS = new Set(['AFTER-DEDUCTIBLE', 'NO-CHARGE', 'NO-CHARGE-AFTER-DEDUCTIBLE']);

/** Collects one warning per kind of problem, naming where it occurs (files repeat a quirk on every plan). */
class Warnings {
  private readonly byMessage = new Map<string, string[]>();
  add(message: string, where?: string) {
    const list = this.byMessage.get(message) ?? [];
    if (where && !list.includes(where)) list.push(where);
    this.byMessage.set(message, list);
  }
  flush(into: string[]) {
    for (const [message, where] of this.byMessage) {
      into.push(
        where.length
          ? `${message} (${where.slice(0, 6).join('; ')}${where.length > 6 ? `; +${where.length - 6} more` : ''})`
          : message,
      );
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())
      ? Number(v)
      : null;
const flag = (v: unknown): boolean => v === true || v === 'true';

/** QHP tier label → OpenPBM tier key (lower-case, as the README's upper-case values). */
export const qhpTierKey = (drugTier: string) => drugTier.trim().toLowerCase();

function readArray(jsonText: string, what: string): unknown[] {
  const raw = readJsonFile(jsonText, what);
  if (!Array.isArray(raw))
    throw new DomainError(
      'IMPORT_FAILED',
      `A QHP ${what} file is a JSON array; this file holds ${raw === null ? 'null' : typeof raw}`,
      { errors: [{ path: '', message: 'must be an array' }] },
    );
  return raw;
}

/**
 * One cost share from a QHP cost_sharing item. OpenPBM keeps no deductible accumulators, so the
 * deductible is taken as met: "AFTER-DEDUCTIBLE" applies, "BEFORE-DEDUCTIBLE" (no deductible)
 * applies, "NO-CHARGE…" means $0. One cost share per tier: a copay wins over coinsurance (the
 * pricing rule does the same), and a file giving both is warned about.
 */
function toCostShare(item: Record<string, unknown>, where: string, warnings: Warnings): CostShare | null {
  const copay = num(item.copay_amount);
  const rate = num(item.coinsurance_rate);
  const copayOpt = text(item.copay_opt);
  const coinsOpt = text(item.coinsurance_opt);
  if (copayOpt !== null && !COPAY_OPTS.has(copayOpt))
    warnings.add(`copay_opt "${copayOpt}" is not a README value; treated as a plain copay`, where);
  if (coinsOpt !== null && !COINSURANCE_OPTS.has(coinsOpt))
    warnings.add(`coinsurance_opt "${coinsOpt}" is not a README value; treated as plain coinsurance`, where);
  if (coinsOpt === null && rate !== null && rate > 0)
    warnings.add('coinsurance_opt is missing; treated as plain coinsurance', where);
  if (copayOpt?.endsWith('AFTER-DEDUCTIBLE') || coinsOpt?.endsWith('AFTER-DEDUCTIBLE')) {
    warnings.add('OpenPBM keeps no deductibles: AFTER-DEDUCTIBLE cost shares apply as if the deductible had been met');
  }
  if (rate !== null && (rate < 0 || rate > 1)) {
    warnings.add(`coinsurance_rate ${rate} is outside 0–1; this cost share was skipped`, where);
    return null;
  }
  const copayApplies = copay !== null && copay > 0 && !copayOpt?.startsWith('NO-CHARGE');
  const coinsApplies = rate !== null && rate > 0 && !coinsOpt?.startsWith('NO-CHARGE');
  if (copayApplies && coinsApplies)
    warnings.add('both a copay and coinsurance apply; OpenPBM applies one cost share per tier: the copay', where);
  if (copayApplies) return { copay: moneyFromNumber(copay!) };
  if (coinsApplies) return { coinsurance: String(rate) };
  return { copay: '0.00' };
}

/**
 * A new QHP plan counts its days in its state's zone (the HIOS id's characters 6–7); an id without
 * a known state gets Eastern time, the stated default, with a warning (docs/plan-bundle-format.md).
 */
function qhpTimeZone(planId: string, warnings: Warnings): string {
  const state = stateOfHiosPlanId(planId);
  const zone = state ? timeZoneOfState(state) : null;
  if (zone) return zone;
  warnings.add(`no state in the plan id: its dates are counted in ${DEFAULT_MARKETPLACE_TIME_ZONE}`, planId);
  return DEFAULT_MARKETPLACE_TIME_ZONE;
}

interface ParsedQhpPlan {
  row: number;
  id: string;
  name: string;
  tiers: PlanPolicy['costSharing']['tiers'];
}

function parsePlan(raw: unknown, row: number, warnings: Warnings): ParsedQhpPlan | string {
  if (!isObject(raw)) return 'is not a JSON object';
  const id = text(raw.plan_id);
  if (!id) return 'plan_id is missing';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id)) return `plan_id "${id}" has characters a plan id cannot hold`;
  const name = text(raw.marketing_name);
  if (!name) return `plan ${id}: marketing_name is missing`;
  if (raw.plan_id_type !== 'HIOS-PLAN-ID')
    warnings.add(
      `plan_id_type ${JSON.stringify(raw.plan_id_type ?? null)} is not HIOS-PLAN-ID; loaded under its plan_id`,
      id,
    );
  else if (!/^\d{5}[A-Z]{2}\d{7}$/.test(id)) warnings.add('plan_id is not a 14-character HIOS plan id', id);
  const formularies = Array.isArray(raw.formulary) ? raw.formulary : isObject(raw.formulary) ? [raw.formulary] : null;
  if (!formularies) return `plan ${id}: formulary is missing (it is one object or a list of them)`;
  const tiers: ParsedQhpPlan['tiers'] = {};
  for (const [k, f] of formularies.entries()) {
    if (!isObject(f) || !text(f.drug_tier)) return `plan ${id}: formulary[${k}] has no drug_tier`;
    const label = text(f.drug_tier)!;
    const key = qhpTierKey(label);
    if (!README_TIERS.has(label))
      warnings.add(`drug_tier "${label}" is not one of the README's example tiers; kept as "${key}"`, id);
    if (tiers[key]) {
      warnings.add(`drug_tier ${label} is listed twice; the first listing is used`, id);
      continue;
    }
    const shares: Partial<Record<PharmacyType, CostShare>> = {};
    const items = Array.isArray(f.cost_sharing) ? f.cost_sharing : [];
    if (items.length === 0) warnings.add(`tier ${label} has no cost_sharing: members pay $0 on it`, id);
    for (const item of items) {
      if (!isObject(item)) continue;
      const pharmacyType = text(item.pharmacy_type) ?? '(none)';
      const where = `${id} ${label} ${pharmacyType}`;
      const type = PHARMACY_TYPES[pharmacyType];
      if (!type) {
        warnings.add(
          `pharmacy_type ${pharmacyType} is not modelled (one in-network, one-month cost share per retail/mail); ignored`,
          id,
        );
        continue;
      }
      if (f.mail_order === false && type === 'mail')
        warnings.add('mail cost sharing given for a tier with mail_order=false; ignored', where);
      else {
        const share = toCostShare(item, where, warnings);
        if (share) shares[type] = share;
      }
    }
    tiers[key] = shares;
  }
  return { row, id, name, tiers };
}

/**
 * Imports a QHP plans.json: each plan becomes a `commercial` plan (source `qhp`) whose policy has
 * the file's tiers and cost sharing and the federal marketplace defaults for everything QHP does
 * not say (plans/default-policy.ts). A plan already loaded keeps its processor and policy
 * settings; only its tiers are replaced. Processor: `processorId` when given (it must exist);
 * otherwise the `qhp-unassigned` processor, which has no BIN, so claims are refused until an
 * operator assigns the real one — QHP files do not say who adjudicates pharmacy claims.
 */
export async function importQhpPlans(
  ctx: AppContext,
  plansJsonText: string,
  options: ImportOptions & { processorId?: string } = {},
): Promise<ImportSummary> {
  const items = readArray(plansJsonText, 'plans.json');
  const db = ctx.database.db;
  const [processors, plans] = await Promise.all([loadAllProcessors(db), loadAllPlans(db)]);
  if (options.processorId && !processors.some((p) => p.id === options.processorId)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Processor ${options.processorId} is not loaded; load it (plan bundle) or leave processorId out`,
      { errors: [{ path: 'processorId', message: 'is not a loaded processor' }] },
    );
  }
  const existing = new Map(plans.map((p) => [p.id, p]));
  const summary = emptySummary('qhp-plans', options.source);
  const warnings = new Warnings();
  const parsed: ParsedQhpPlan[] = [];
  const firstRow = new Map<string, number>();
  items.forEach((raw, i) => {
    const result = parsePlan(raw, i + 1, warnings);
    const id = isObject(raw) ? (text(raw.plan_id) ?? undefined) : undefined;
    if (typeof result === 'string') return summary.rejected.push({ row: i + 1, id, reason: result });
    const before = existing.get(result.id);
    if (before && before.source !== 'qhp') {
      return summary.rejected.push({
        row: i + 1,
        id: result.id,
        reason: `plan ${result.id} was loaded from ${before.source}, not QHP; it is not overwritten`,
      });
    }
    const dup = firstRow.get(result.id);
    if (dup !== undefined)
      return summary.rejected.push({
        row: i + 1,
        id: result.id,
        reason: `plan ${result.id} already appears at row ${dup}; the first is kept`,
      });
    firstRow.set(result.id, i + 1);
    parsed.push(result);
  });

  const needsUnassigned = !options.processorId && parsed.some((p) => !existing.has(p.id));
  if (needsUnassigned) {
    warnings.add(
      `No processor was named: new plans use "${QHP_UNASSIGNED_PROCESSOR.id}", which has no BIN, so their claims are refused until an operator assigns the plan's processor (re-import with processorId)`,
    );
  }
  if (parsed.some((p) => !existing.has(p.id)))
    warnings.add('QHP files carry no dispensing fee: new plans pay $0.00 until a plan bundle sets one');
  if (!parsed.length) warnings.add('No plan in the file could be loaded');

  await db.transaction(async (tx) => {
    if (needsUnassigned) {
      await upsertProcessor(tx, {
        ...QHP_UNASSIGNED_PROCESSOR,
        pcn: null,
        groupId: null,
        helpDeskPhone: null,
        paFax: null,
        paPhone: null,
      });
      countLoaded(summary, 'processors');
    }
    for (const [i, p] of parsed.entries()) {
      const before = existing.get(p.id);
      const policy: PlanPolicy = before
        ? { ...before.policy, costSharing: { ...before.policy.costSharing, tiers: p.tiers } }
        : marketplacePolicy({ dispensingFee: '0.00', tiers: p.tiers }, qhpTimeZone(p.id, warnings));
      await upsertPlan(tx, {
        id: p.id,
        name: p.name,
        lineOfBusiness: before?.lineOfBusiness ?? 'commercial',
        processorId: options.processorId ?? before?.processorId ?? QHP_UNASSIGNED_PROCESSOR.id,
        groupId: before?.groupId ?? null,
        carveOutPlanId: before?.carveOutPlanId ?? null,
        policy,
        source: 'qhp',
      });
      countLoaded(summary, 'plans');
      options.onProgress?.(i + 1, parsed.length);
    }
    warnings.flush(summary.warnings);
    await recordImportRun(tx, options.run, summary);
  });
  ctx.reference.invalidate();
  return summary;
}

/**
 * Imports a QHP drugs.json page: each drug × plan becomes a formulary entry by RxCUI. Drug lists
 * come in pages (cms-data-index.json lists several drugs-N.json), so entries are merged into the
 * plan's formulary by RxCUI instead of replacing it. QHP has only flags: prior authorization is
 * recorded without a criteria set, step therapy without named prerequisites, and a quantity
 * limit without numbers (not enforced) — each said in the summary.
 */
export async function importQhpDrugs(
  ctx: AppContext,
  drugsJsonText: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const items = readArray(drugsJsonText, 'drugs.json');
  const db = ctx.database.db;
  const [plans, concepts, entries] = await Promise.all([
    loadAllPlans(db),
    loadAllConcepts(db),
    loadAllFormularyEntries(db),
  ]);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const conceptByRxcui = new Map(concepts.map((c) => [c.rxcui, c]));
  const summary = emptySummary('qhp-drugs', options.source);
  const warnings = new Warnings();
  const newEntries = new Map<string, Map<string, { row: number; entry: EntryInsert }>>();
  const counts = { pa: 0, st: 0, ql: 0 };

  items.forEach((raw, i) => {
    const row = i + 1;
    if (!isObject(raw)) return summary.rejected.push({ row, reason: 'is not a JSON object' });
    const rxcui = text(raw.rxnorm_id);
    if (!rxcui || !/^\d{1,10}$/.test(rxcui))
      return summary.rejected.push({
        row,
        id: rxcui ?? undefined,
        reason: `rxnorm_id ${JSON.stringify(raw.rxnorm_id ?? null)} is not a numeric RxCUI`,
      });
    const drugName = text(raw.drug_name);
    const planRefs = Array.isArray(raw.plans) ? raw.plans : null;
    if (!planRefs || planRefs.length === 0)
      return summary.rejected.push({ row, id: rxcui, reason: 'plans is missing or empty' });
    const concept = conceptByRxcui.get(rxcui);
    if (!concept) {
      const planIds = planRefs
        .map((p) => (isObject(p) ? text(p.plan_id) : null))
        .filter(Boolean)
        .join(', ');
      return summary.rejected.push({
        row,
        id: rxcui,
        reason: `RxCUI ${rxcui}${drugName ? ` ("${drugName}")` : ''} is not in the drug catalog; not loaded for ${planIds || 'any plan'}`,
      });
    }
    if (!drugName) warnings.add('drug_name is missing (the RxCUI is what counts)', `row ${row}`);
    else if (drugName.toLowerCase().replace(/\s+/g, ' ') !== concept.name.toLowerCase()) {
      warnings.add(
        `drug_name differs from the RxNorm name in the catalog; the RxCUI is what counts`,
        `row ${row}: RxCUI ${rxcui} "${drugName}" vs "${concept.name}"`,
      );
    }
    planRefs.forEach((ref, j) => {
      const planId = isObject(ref) ? text(ref.plan_id) : null;
      const id = `${rxcui}@${planId ?? `plans[${j}]`}`;
      if (!isObject(ref) || !planId) return summary.rejected.push({ row, id, reason: `plans[${j}] has no plan_id` });
      const plan: PlanRow | undefined = planById.get(planId);
      if (!plan)
        return summary.rejected.push({
          row,
          id,
          reason: `plan ${planId} has not been imported (import its plans.json first)`,
        });
      if (plan.source !== 'qhp')
        return summary.rejected.push({
          row,
          id,
          reason: `plan ${planId} was loaded from ${plan.source}, not QHP; its formulary is not changed by a QHP file`,
        });
      const tierLabel = text(ref.drug_tier);
      if (!tierLabel) return summary.rejected.push({ row, id, reason: `plans[${j}] has no drug_tier` });
      if (ref.plan_id_type !== 'HIOS-PLAN-ID')
        warnings.add(
          `plan_id_type ${JSON.stringify(ref.plan_id_type ?? null)} is not HIOS-PLAN-ID; matched by plan_id`,
          `row ${row} ${planId}`,
        );
      const tier = qhpTierKey(tierLabel);
      if (!plan.policy.costSharing.tiers[tier])
        warnings.add(`drug_tier ${tierLabel} is not a tier in the plan's plans.json: members pay $0 on it`, planId);
      let byRxcui = newEntries.get(planId);
      if (!byRxcui) newEntries.set(planId, (byRxcui = new Map()));
      const first = byRxcui.get(rxcui);
      if (first)
        return summary.rejected.push({
          row,
          id,
          reason: `RxCUI ${rxcui} is already listed for plan ${planId} at row ${first.row}; the first is kept`,
        });
      const pa = flag(ref.prior_authorization);
      const st = flag(ref.step_therapy);
      const ql = flag(ref.quantity_limit);
      counts.pa += Number(pa);
      counts.st += Number(st);
      counts.ql += Number(ql);
      byRxcui.set(rxcui, {
        row,
        entry: {
          planId,
          rxcui,
          groupId: null,
          covered: true,
          tier,
          priorAuthorization: pa,
          criteriaId: null,
          stepTherapy: st
            ? {
                prerequisites: {},
                lookbackDays: 365,
                description:
                  "step therapy (the plan's formulary file does not name the prerequisite drugs; ask the plan)",
              }
            : null,
          quantityLimit: null,
          minAge: null,
          maxAge: null,
          sex: null,
          newStartsOnly: false,
          source: 'qhp',
        },
      });
    });
  });

  if (counts.pa)
    warnings.add(
      `${counts.pa} entr${counts.pa > 1 ? 'ies require' : 'y requires'} prior authorization but QHP names no criteria set: assign criteria with a plan bundle`,
    );
  if (counts.st)
    warnings.add(
      `${counts.st} entr${counts.st > 1 ? 'ies have' : 'y has'} step therapy without named prerequisites: claims need a step-therapy exception until a plan bundle names them`,
    );
  if (counts.ql)
    warnings.add(
      `${counts.ql} entr${counts.ql > 1 ? 'ies have' : 'y has'} quantity_limit=true but QHP gives no units or days: no limit is enforced until a plan bundle sets one`,
    );

  // Merge with what each plan already has (earlier pages, bundle refinements): same RxCUI → replaced.
  const merged = [...newEntries].map(([planId, byRxcui]) => {
    const kept = entries
      .filter((e) => e.planId === planId && !(e.rxcui && byRxcui.has(e.rxcui)))
      .map(({ id: _id, ...rest }) => rest);
    return { planId, rows: [...kept, ...[...byRxcui.values()].map((x) => x.entry)], added: byRxcui.size };
  });

  await db.transaction(async (tx) => {
    for (const [i, m] of merged.entries()) {
      await replacePlanFormulary(tx, m.planId, m.rows);
      countLoaded(summary, 'formularyEntries', m.added);
      countLoaded(summary, 'plans');
      options.onProgress?.(i + 1, merged.length);
    }
    if (!merged.length) countLoaded(summary, 'formularyEntries', 0);
    warnings.flush(summary.warnings);
    await recordImportRun(tx, options.run, summary);
  });
  ctx.reference.invalidate();
  return summary;
}
