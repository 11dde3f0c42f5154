import type { AppContext } from '../app-context.js';
import { countLoaded, emptySummary, type ImportSummary } from '../imports/import-summary.js';
import { recordImportRun, type ImportOptions } from '../imports/import-run.js';
import { fieldCountProblem, readCsvFile } from '../imports/read-import-file.js';
import { loadAllPlans } from '../plans/index.js';
import { isCalendarDate, isEmail } from '../shared/field-checks.js';
import { normalizeLanguage } from '../shared/languages.js';
import { readContactFields } from './contact-fields.js';
import { upsertMembers, type MemberInsert } from './members.repo.js';
import { planToday } from '../platform/plan-time.js';

export const MEMBER_COLUMNS = [
  'member_id',
  'plan_id',
  'first_name',
  'last_name',
  'date_of_birth',
  'sex',
  'language',
  'contact_preference',
  'email',
  'phone',
  'address_line1',
  'city',
  'state',
  'zip',
  'effective_date',
  'termination_date',
] as const;
const REQUIRED = ['member_id', 'plan_id', 'first_name', 'last_name', 'date_of_birth', 'sex', 'effective_date'] as const;
const CONTACT_PREFERENCES = new Set(['mail', 'email', 'portal']);
const BATCH = 500;

/**
 * Eligibility file (CSV, columns MEMBER_COLUMNS): members are upserted by member id (the
 * cardholder id on the card). One transaction; a row with problems is reported with its line
 * number and every problem found in it, and the other rows load.
 */
export async function importMembers(
  ctx: AppContext,
  csvText: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const file = readCsvFile(csvText, 'members', { required: REQUIRED, optional: MEMBER_COLUMNS });
  const summary = emptySummary('members', options.source);
  if (file.unknownColumns.length) summary.warnings.push(`Ignored columns: ${file.unknownColumns.join(', ')}`);
  const db = ctx.database.db;
  const planIds = new Set((await loadAllPlans(db)).map((p) => p.id));
  // a date of birth in the future is one after today anywhere a plan can be: the operations zone
  const today = planToday(null, ctx.clock.now());
  const rows: MemberInsert[] = [];
  const firstLine = new Map<string, number>();
  const unreachable: string[] = [];

  for (const record of file.records) {
    const v = (k: string) => (record.values[k] ?? '').trim();
    const id = v('member_id');
    const countProblem = fieldCountProblem(record, file.header.length);
    if (countProblem) {
      summary.rejected.push({ row: record.line, id: id || undefined, reason: countProblem });
      continue;
    }
    const problems: string[] = [];
    // Cardholder ID (NCPDP 302-C2) is at most 20 characters.
    if (!/^[A-Za-z0-9-]{1,20}$/.test(id))
      problems.push(id ? `member_id "${id}" must be 1–20 letters, digits or dashes` : 'member_id is empty');
    const planId = v('plan_id');
    if (!planId) problems.push('plan_id is empty');
    else if (!planIds.has(planId)) problems.push(`plan_id "${planId}" is not a loaded plan`);
    if (!v('first_name')) problems.push('first_name is empty');
    if (!v('last_name')) problems.push('last_name is empty');
    const dob = v('date_of_birth');
    if (!isCalendarDate(dob)) problems.push(`date_of_birth "${dob}" is not a date (YYYY-MM-DD)`);
    else if (dob > today) problems.push(`date_of_birth ${dob} is in the future`);
    else if (dob < '1900-01-01') problems.push(`date_of_birth ${dob} is before 1900`);
    const sex = v('sex').toUpperCase();
    if (!['F', 'M', 'U'].includes(sex)) problems.push(`sex "${v('sex')}" must be F, M or U (unknown)`);
    const language = normalizeLanguage(v('language') || 'en') ?? '';
    if (!language)
      problems.push(
        `language "${v('language')}" is not an ISO 639-1 code (en, es, zh, zh-Hant, vi, ko, tl, …) or a language name`,
      );
    const contact = (v('contact_preference') || 'mail').toLowerCase();
    if (!CONTACT_PREFERENCES.has(contact))
      problems.push(`contact_preference "${v('contact_preference')}" must be mail, email or portal`);
    const email = v('email');
    if (email && !isEmail(email)) problems.push(`email "${email}" is not an e-mail address`);
    const address = readContactFields(v, problems);
    const effective = v('effective_date');
    const termination = v('termination_date');
    if (!isCalendarDate(effective)) problems.push(`effective_date "${effective}" is not a date (YYYY-MM-DD)`);
    if (termination && !isCalendarDate(termination))
      problems.push(`termination_date "${termination}" is not a date (YYYY-MM-DD)`);
    else if (termination && isCalendarDate(effective) && termination < effective)
      problems.push(`termination_date ${termination} is before effective_date ${effective}`);
    if (isCalendarDate(dob) && isCalendarDate(effective) && effective < dob)
      problems.push(`effective_date ${effective} is before date_of_birth ${dob}`);
    const dup = firstLine.get(id);
    if (id && dup !== undefined) problems.push(`member_id ${id} already appears on line ${dup}`);
    if (problems.length) {
      summary.rejected.push({ row: record.line, id: id || undefined, reason: problems.join('; ') });
      continue;
    }
    firstLine.set(id, record.line);
    // Not a reason to refuse eligibility (the member still needs the counter to work), but letters
    // would not reach them (docs/design.md#notices): said in the summary.
    if (contact === 'email' && !email)
      unreachable.push(`line ${record.line} (${id}): prefers e-mail, no e-mail address`);
    if (contact === 'mail' && !(address.addressLine1 && address.city && address.state && address.zip))
      unreachable.push(`line ${record.line} (${id}): prefers mail, address incomplete`);
    rows.push({
      id,
      planId,
      firstName: v('first_name'),
      lastName: v('last_name'),
      dateOfBirth: dob,
      sex,
      language,
      contactPreference: contact,
      email: email || null,
      phone: address.phones.phone,
      addressLine1: address.addressLine1,
      city: address.city,
      state: address.state,
      zip: address.zip,
      effectiveDate: effective,
      terminationDate: termination || null,
    });
  }

  if (unreachable.length) {
    summary.warnings.push(
      `${unreachable.length} member${unreachable.length > 1 ? 's' : ''} cannot be sent letters the way they prefer: ${unreachable.slice(0, 10).join('; ')}${unreachable.length > 10 ? '; …' : ''}`,
    );
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await upsertMembers(tx, rows.slice(i, i + BATCH));
      options.onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
    }
    countLoaded(summary, 'members', rows.length);
    await recordImportRun(tx, options.run, summary);
  });
  return summary;
}
