import { and, asc, eq, ilike, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { preparedPerDb } from '../platform/prepared.js';
import { members, pharmacies, prescribers } from './members.tables.js';

export type MemberRow = typeof members.$inferSelect;
export type PrescriberRow = typeof prescribers.$inferSelect;
export type PharmacyRow = typeof pharmacies.$inferSelect;
export type MemberInsert = Omit<typeof members.$inferInsert, 'updatedAt'>;
export type PrescriberInsert = typeof prescribers.$inferInsert;
export type PharmacyInsert = typeof pharmacies.$inferInsert;

// Read by every new PA case and more: built once per query layer (platform/prepared.ts, issue #11).
const findMemberByIdPrepared = preparedPerDb((db) =>
  db
    .select()
    .from(members)
    .where(eq(members.id, sql.placeholder('id')))
    .limit(1)
    .prepare('member-by-id'),
);

export async function findMemberById(db: Db, id: string): Promise<MemberRow | undefined> {
  return (await findMemberByIdPrepared(db).execute({ id }))[0];
}

export async function findPrescriber(db: Db, npi: string): Promise<PrescriberRow | undefined> {
  const [row] = await db.select().from(prescribers).where(eq(prescribers.npi, npi)).limit(1);
  return row;
}

export async function findPharmacy(db: Db, npi: string): Promise<PharmacyRow | undefined> {
  const [row] = await db.select().from(pharmacies).where(eq(pharmacies.npi, npi)).limit(1);
  return row;
}

/** The member fields a notice and an alert are addressed with (queueNotices). */
export type MemberContact = Pick<
  MemberRow,
  'id' | 'language' | 'contactPreference' | 'email' | 'phone' | 'addressLine1' | 'city' | 'state' | 'zip'
>;

/**
 * SQL pieces for another module's one-statement read (notices' readNoticeParties): the member's
 * contact fields as a JSON object (MemberContact; null when there is no such member), and a
 * prescriber's or pharmacy's fax number (null when none is on file or there is no such record).
 */
export const memberContactJsonSql = (memberId: string | Placeholder): SQL =>
  sql`(select json_build_object('id', m.id, 'language', m.language, 'contactPreference', m.contact_preference,
         'email', m.email, 'phone', m.phone, 'addressLine1', m.address_line1, 'city', m.city, 'state', m.state,
         'zip', m.zip) from members m where m.id = ${memberId})`;
export const prescriberFaxSql = (npi: string | Placeholder): SQL =>
  sql`(select p.fax from prescribers p where p.npi = ${npi})`;
export const pharmacyFaxSql = (npi: string | Placeholder): SQL =>
  sql`(select ph.fax from pharmacies ph where ph.npi = ${npi})`;

/** Several members at once (the letters of a notice delivery batch). */
export async function findMembersByIds(db: Db, ids: string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(members).where(inArray(members.id, ids));
}

/** Several prescribers at once (the letters of a notice delivery batch). */
export async function findPrescribers(db: Db, npis: string[]): Promise<PrescriberRow[]> {
  if (npis.length === 0) return [];
  return db.select().from(prescribers).where(inArray(prescribers.npi, npis));
}

/** Several pharmacies at once (claim lists name each claim's pharmacy). */
export async function findPharmacies(db: Db, npis: string[]): Promise<PharmacyRow[]> {
  if (npis.length === 0) return [];
  return db.select().from(pharmacies).where(inArray(pharmacies.npi, npis));
}

/** `%`, `_` and `\` are LIKE wildcards/escape: a name is matched literally. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface MemberSearch {
  lastName: string;
  dateOfBirth: string;
  /** Prefix match ("Ana" finds "Ana María"). */
  firstName?: string;
  /** First five digits compared. */
  zip?: string;
  limit?: number;
}

/**
 * Patient insurance search (a prescriber's office finding the member's plan): last name and date
 * of birth must match exactly (case-insensitive); first name and ZIP narrow the result.
 */
export function searchMembers(db: Db, q: MemberSearch): Promise<MemberRow[]> {
  // Names compare in Unicode NFC on both sides: "Muñoz" typed as n + U+0303 finds the stored "Muñoz".
  const nfc = (s: string) => literal(s.trim().normalize('NFC'));
  const conditions = [
    ilike(sql`normalize(${members.lastName}, NFC)`, nfc(q.lastName)),
    eq(members.dateOfBirth, q.dateOfBirth),
  ];
  if (q.firstName?.trim()) conditions.push(ilike(sql`normalize(${members.firstName}, NFC)`, `${nfc(q.firstName)}%`));
  if (q.zip?.trim()) conditions.push(sql`left(${members.zip}, 5) = ${q.zip.trim().slice(0, 5)}`);
  return db
    .select()
    .from(members)
    .where(and(...conditions))
    .orderBy(asc(members.id))
    .limit(q.limit ?? 20);
}

export async function upsertMembers(db: Db, rows: MemberInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(members)
    .values(rows)
    .onConflictDoUpdate({
      target: members.id,
      set: {
        planId: sql`excluded.plan_id`,
        firstName: sql`excluded.first_name`,
        lastName: sql`excluded.last_name`,
        dateOfBirth: sql`excluded.date_of_birth`,
        sex: sql`excluded.sex`,
        language: sql`excluded.language`,
        contactPreference: sql`excluded.contact_preference`,
        email: sql`excluded.email`,
        phone: sql`excluded.phone`,
        addressLine1: sql`excluded.address_line1`,
        city: sql`excluded.city`,
        state: sql`excluded.state`,
        zip: sql`excluded.zip`,
        effectiveDate: sql`excluded.effective_date`,
        terminationDate: sql`excluded.termination_date`,
        updatedAt: sql`now()`,
      },
    });
}

export async function upsertPrescribers(db: Db, rows: PrescriberInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(prescribers)
    .values(rows)
    .onConflictDoUpdate({
      target: prescribers.npi,
      set: {
        firstName: sql`excluded.first_name`,
        lastName: sql`excluded.last_name`,
        credential: sql`excluded.credential`,
        specialty: sql`excluded.specialty`,
        phone: sql`excluded.phone`,
        fax: sql`excluded.fax`,
        addressLine1: sql`excluded.address_line1`,
        city: sql`excluded.city`,
        state: sql`excluded.state`,
        zip: sql`excluded.zip`,
      },
    });
}

export async function upsertPharmacies(db: Db, rows: PharmacyInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(pharmacies)
    .values(rows)
    .onConflictDoUpdate({
      target: pharmacies.npi,
      set: {
        name: sql`excluded.name`,
        pharmacyType: sql`excluded.pharmacy_type`,
        phone: sql`excluded.phone`,
        fax: sql`excluded.fax`,
        addressLine1: sql`excluded.address_line1`,
        city: sql`excluded.city`,
        state: sql`excluded.state`,
        zip: sql`excluded.zip`,
      },
    });
}

/**
 * Whether the data shows a prescriber or a pharmacy serving this member (docs/design.md#access):
 * a PA case the prescriber started or was named on, a claim they prescribed or the pharmacy filled,
 * a case the pharmacy started, or this user's own insurance search finding the member in the last
 * hours. Read as raw SQL over the owning modules' tables (reads only).
 */
export async function servesMember(
  db: Db,
  memberId: string,
  party: { kind: 'prescriber' | 'pharmacy'; npi: string; username: string; searchedSince: Date },
): Promise<boolean> {
  const column = party.kind === 'prescriber' ? sql.raw('prescriber_npi') : sql.raw('pharmacy_npi');
  // node-postgres and PGlite both answer execute() with { rows }. The insurance search writes an
  // audit row naming the members it found (member_ids; entity_id in rows written before that
  // column): that user found this member recently.
  const result = (await db.execute(
    sql`select exists (select 1 from pa_requests where member_id = ${memberId} and ${column} = ${party.npi})
        or exists (select 1 from claims where member_id = ${memberId} and ${column} = ${party.npi})
        or exists (select 1 from audit_events where entity_type = 'member' and action = 'phi.search'
                   and actor = ${party.username} and at >= ${party.searchedSince.toISOString()}::timestamptz
                   and (${memberId} = any(member_ids) or ${memberId} = any(string_to_array(entity_id, ',')))) as serves`,
  )) as unknown as { rows: Array<{ serves: boolean }> };
  return result.rows[0]?.serves === true;
}
