import { Value } from '@sinclair/typebox/value';
import type { AppContext } from '../app-context.js';
import { loadAllConcepts } from '../catalog/index.js';
import type { StepTherapy } from '../formulary/formulary-entry.js';
import { replacePlanFormulary } from '../formulary/index.js';
import type { FormularyEntryInsert } from '../formulary/index.js';
import { countLoaded, emptySummary, type ImportSummary } from '../imports/import-summary.js';
import { recordImportRun, type ImportOptions } from '../imports/import-run.js';
import { readJsonFile } from '../imports/read-import-file.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { listCriteria } from '../priorauth/index.js';
import {
  PLAN_BUNDLE_FORMAT,
  PlanBundleSchema,
  type BundleFormularyEntry,
  type PlanBundle,
} from '../plans/plan-bundle.schema.js';
import { loadAllPlans, loadAllProcessors, upsertPlan, upsertProcessor } from '../plans/index.js';

type EntryInsert = FormularyEntryInsert;

const MAX_REPORTED_ERRORS = 50;

/** TypeBox errors → one message per JSON-pointer path (the first is usually the clearest). */
function schemaErrors(value: unknown): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of Value.Errors(PlanBundleSchema, value)) {
    const path = e.path || '/';
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: e.message });
    if (out.length >= MAX_REPORTED_ERRORS) break;
  }
  return out;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Rules a schema cannot say: ids unique and resolvable, one drug reference per entry, a covered
 * entry's tier priced by the plan, age ranges that make sense. Any failure fails the whole file:
 * the bundle is a designed document, and guessing at its author's intent is worse than stopping.
 */
function checkBundle(bundle: PlanBundle, existing: { processorIds: Set<string>; planIds: Set<string> }): FieldError[] {
  const errors: FieldError[] = [];
  const processorIds = new Set(existing.processorIds);
  const bundleProcessors = new Set<string>();
  (bundle.processors ?? []).forEach((p, i) => {
    if (bundleProcessors.has(p.id))
      errors.push({ path: `/processors/${i}/id`, message: `processor ${p.id} appears twice` });
    bundleProcessors.add(p.id);
    processorIds.add(p.id);
  });
  const planIds = new Set(existing.planIds);
  const bundlePlans = new Set<string>();
  bundle.plans.forEach((p, i) => {
    if (bundlePlans.has(p.id)) errors.push({ path: `/plans/${i}/id`, message: `plan ${p.id} appears twice` });
    bundlePlans.add(p.id);
    planIds.add(p.id);
  });
  bundle.plans.forEach((plan, i) => {
    const at = `/plans/${i}`;
    if (!processorIds.has(plan.processorId))
      errors.push({
        path: `${at}/processorId`,
        message: `processor ${plan.processorId} is neither in this bundle nor loaded`,
      });
    if (plan.carveOutPlanId !== undefined) {
      if (plan.carveOutPlanId === plan.id)
        errors.push({ path: `${at}/carveOutPlanId`, message: 'a plan cannot carve its benefit out to itself' });
      else if (!planIds.has(plan.carveOutPlanId))
        errors.push({
          path: `${at}/carveOutPlanId`,
          message: `plan ${plan.carveOutPlanId} is neither in this bundle nor loaded`,
        });
    }
    if (!isTimeZone(plan.policy.review.timeZone))
      errors.push({
        path: `${at}/policy/review/timeZone`,
        message: `"${plan.policy.review.timeZone}" is not an IANA time zone`,
      });
    const tiers = new Set(Object.keys(plan.policy.costSharing.tiers));
    const byGroup = new Map<string, number>();
    const byRxcui = new Map<string, number>();
    (plan.formulary ?? []).forEach((e, j) => {
      const ep = `${at}/formulary/${j}`;
      if ((e.group === undefined) === (e.rxcui === undefined))
        errors.push({ path: ep, message: 'give exactly one of "group" or "rxcui"' });
      if (e.covered && !e.tier) errors.push({ path: `${ep}/tier`, message: 'a covered drug needs a tier' });
      if (e.covered && e.tier && !tiers.has(e.tier))
        errors.push({
          path: `${ep}/tier`,
          message: `tier "${e.tier}" has no cost sharing in this plan's policy (tiers: ${[...tiers].join(', ')})`,
        });
      if (e.minAge !== undefined && e.maxAge !== undefined && e.minAge > e.maxAge)
        errors.push({ path: `${ep}/maxAge`, message: `maxAge ${e.maxAge} is below minAge ${e.minAge}` });
      const p = e.stepTherapy?.prerequisites;
      if (e.stepTherapy && !p?.ingredients?.length && !p?.drugClasses?.length && !p?.groupIds?.length) {
        errors.push({
          path: `${ep}/stepTherapy/prerequisites`,
          message: 'name at least one prerequisite ingredient, drug class or group',
        });
      }
      const [map, key] = e.group !== undefined ? [byGroup, e.group] : [byRxcui, e.rxcui];
      if (key !== undefined) {
        const first = map.get(key);
        if (first !== undefined)
          errors.push({
            path: ep,
            message: `${e.group !== undefined ? 'group' : 'rxcui'} ${key} already has an entry at ${at}/formulary/${first}`,
          });
        else map.set(key, j);
      }
    });
  });
  return errors.slice(0, MAX_REPORTED_ERRORS);
}

interface CatalogIndex {
  rxcuis: Set<string>;
  groups: Set<string>;
  ingredients: Set<string>;
  classes: Set<string>;
}

/** References to the drug catalog: a miss is one rejected entry, not a failed file. */
function catalogProblem(e: BundleFormularyEntry, catalog: CatalogIndex): string | null {
  if (e.rxcui !== undefined && !catalog.rxcuis.has(e.rxcui)) return `RxCUI ${e.rxcui} is not in the drug catalog`;
  if (e.group !== undefined && !catalog.groups.has(e.group))
    return `drug-form group ${e.group} is not in the drug catalog`;
  const p = e.stepTherapy?.prerequisites;
  const unknown = [
    ...(p?.ingredients ?? []).filter((x) => !catalog.ingredients.has(x)).map((x) => `ingredient "${x}"`),
    ...(p?.drugClasses ?? []).filter((x) => !catalog.classes.has(x)).map((x) => `drug class "${x}"`),
    ...(p?.groupIds ?? []).filter((x) => !catalog.groups.has(x)).map((x) => `group "${x}"`),
  ];
  // A prerequisite nobody can fill would make step therapy impossible to meet.
  if (unknown.length) return `step-therapy prerequisite ${unknown.join(', ')} is not in the drug catalog`;
  return null;
}

function toEntryRow(planId: string, e: BundleFormularyEntry): EntryInsert {
  return {
    planId,
    rxcui: e.rxcui ?? null,
    groupId: e.group ?? null,
    covered: e.covered,
    tier: e.covered ? (e.tier ?? null) : null,
    priorAuthorization: e.priorAuthorization !== undefined,
    criteriaId: e.priorAuthorization?.criteriaId ?? null,
    stepTherapy: (e.stepTherapy as StepTherapy | undefined) ?? null,
    quantityLimit: e.quantityLimit ?? null,
    minAge: e.minAge ?? null,
    maxAge: e.maxAge ?? null,
    sex: e.sex ?? null,
    newStartsOnly: e.newStartsOnly ?? false,
    source: 'openpbm',
  };
}

/**
 * Imports an `openpbm-plans/1` bundle: processors and plans are upserted; a plan that lists a
 * formulary has it replaced as a whole. One transaction: a file that does not validate writes
 * nothing; entries naming drugs the catalog does not know are rejected and reported.
 */
export async function importPlanBundle(
  ctx: AppContext,
  jsonText: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const raw = readJsonFile(jsonText, 'plan bundle');
  if (raw && typeof raw === 'object' && 'format' in raw && (raw as { format: unknown }).format !== PLAN_BUNDLE_FORMAT) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `This is not an ${PLAN_BUNDLE_FORMAT} bundle (format: ${JSON.stringify((raw as { format: unknown }).format)})`,
      {
        errors: [{ path: '/format', message: `must be "${PLAN_BUNDLE_FORMAT}"` }],
      },
    );
  }
  const shapeErrors = schemaErrors(raw);
  if (shapeErrors.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The plan bundle does not match ${PLAN_BUNDLE_FORMAT}: ${shapeErrors
        .slice(0, 3)
        .map((e) => `${e.path} ${e.message}`)
        .join('; ')}${shapeErrors.length > 3 ? ` (and ${shapeErrors.length - 3} more)` : ''}`,
      { errors: shapeErrors },
    );
  }
  const bundle = raw as PlanBundle;

  // Read what the checks need before the transaction (PGlite has one connection).
  const db = ctx.database.db;
  const [processors, plans, concepts, criteria] = await Promise.all([
    loadAllProcessors(db),
    loadAllPlans(db),
    loadAllConcepts(db),
    listCriteria(db, { currentOnly: true }),
  ]);
  const problems = checkBundle(bundle, {
    processorIds: new Set(processors.map((p) => p.id)),
    planIds: new Set(plans.map((p) => p.id)),
  });
  if (problems.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The plan bundle has ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems
        .slice(0, 3)
        .map((e) => `${e.path} ${e.message}`)
        .join('; ')}`,
      { errors: problems },
    );
  }

  const summary = emptySummary('plan-bundle', options.source);
  const catalog: CatalogIndex = {
    rxcuis: new Set(concepts.map((c) => c.rxcui)),
    groups: new Set(concepts.map((c) => c.groupId)),
    ingredients: new Set(concepts.map((c) => c.ingredient)),
    classes: new Set(concepts.filter((c) => c.drugClass).map((c) => c.drugClass!)),
  };
  if (concepts.length === 0 && bundle.plans.some((p) => p.formulary?.length))
    summary.warnings.push(
      'The drug catalog is empty: import it before the plan bundle, or every formulary entry is rejected',
    );
  const loadedCriteria = new Set(criteria.map((c) => c.id));
  const existingPlans = new Map(plans.map((p) => [p.id, p]));

  const formularies = bundle.plans.map((plan, i) => {
    const rows: EntryInsert[] = [];
    (plan.formulary ?? []).forEach((e, j) => {
      const problem = catalogProblem(e, catalog);
      if (problem)
        summary.rejected.push({ row: j + 1, id: `/plans/${i}/formulary/${j}`, reason: `${plan.id}: ${problem}` });
      else rows.push(toEntryRow(plan.id, e));
    });
    return rows;
  });
  const missingCriteria = [
    ...new Set(
      bundle.plans.flatMap((p) =>
        (p.formulary ?? [])
          .map((e) => e.priorAuthorization?.criteriaId)
          .filter((c): c is string => !!c && !loadedCriteria.has(c)),
      ),
    ),
  ];
  if (missingCriteria.length) {
    summary.warnings.push(
      `Criteria set${missingCriteria.length > 1 ? 's' : ''} not loaded yet: ${missingCriteria.sort().join(', ')} — PA requests for those drugs cannot start until ${missingCriteria.length > 1 ? 'they are' : 'it is'} imported`,
    );
  }
  for (const plan of bundle.plans) {
    const target = plan.carveOutPlanId
      ? (bundle.plans.find((p) => p.id === plan.carveOutPlanId) ?? existingPlans.get(plan.carveOutPlanId))
      : undefined;
    if (target?.carveOutPlanId)
      summary.warnings.push(
        `${plan.id} carves out to ${target.id}, which itself carves out to ${target.carveOutPlanId}: claims follow only one carve-out`,
      );
  }

  await db.transaction(async (tx) => {
    for (const p of bundle.processors ?? []) {
      await upsertProcessor(tx, {
        id: p.id,
        name: p.name,
        bin: p.bin,
        pcn: p.pcn ?? null,
        groupId: p.groupId ?? null,
        helpDeskPhone: p.helpDeskPhone ?? null,
        paFax: p.paFax ?? null,
        paPhone: p.paPhone ?? null,
      });
      countLoaded(summary, 'processors');
    }
    for (const [i, plan] of bundle.plans.entries()) {
      await upsertPlan(tx, {
        id: plan.id,
        name: plan.name,
        lineOfBusiness: plan.lineOfBusiness,
        processorId: plan.processorId,
        groupId: plan.groupId ?? null,
        carveOutPlanId: plan.carveOutPlanId ?? null,
        policy: plan.policy,
        // A plan first loaded from another source (e.g. a QHP file) keeps that origin when a bundle refines it.
        source: existingPlans.get(plan.id)?.source ?? 'openpbm',
      });
      countLoaded(summary, 'plans');
      if (plan.formulary) {
        await replacePlanFormulary(tx, plan.id, formularies[i]);
        countLoaded(summary, 'formularyEntries', formularies[i].length);
      }
      options.onProgress?.(i + 1, bundle.plans.length);
    }
    await recordImportRun(tx, options.run, summary);
  });
  ctx.reference.invalidate();
  return summary;
}
