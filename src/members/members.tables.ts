import { date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { plans } from '../plans/plans.tables.js';

/** Eligibility: one member id (the cardholder id on the card) in one plan for a date span. */
export const members = pgTable(
  'members',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(), // F | M | U
    language: text('language').notNull().default('en'),
    contactPreference: text('contact_preference').notNull().default('mail'), // mail | email | portal
    email: text('email'),
    phone: text('phone'),
    addressLine1: text('address_line1'),
    city: text('city'),
    state: text('state'),
    zip: text('zip'),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    terminationDate: date('termination_date', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('members_name_dob_idx').on(t.lastName, t.dateOfBirth), index('members_plan_idx').on(t.planId)],
);

export const prescribers = pgTable('prescribers', {
  npi: text('npi').primaryKey(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  credential: text('credential'),
  specialty: text('specialty'),
  phone: text('phone'),
  fax: text('fax'),
  addressLine1: text('address_line1'),
  city: text('city'),
  state: text('state'),
  zip: text('zip'),
});

export const pharmacies = pgTable('pharmacies', {
  npi: text('npi').primaryKey(),
  name: text('name').notNull(),
  /** retail | mail | specialty: cost sharing differs by pharmacy type. */
  pharmacyType: text('pharmacy_type').notNull().default('retail'),
  phone: text('phone'),
  fax: text('fax'),
  addressLine1: text('address_line1'),
  city: text('city'),
  state: text('state'),
  zip: text('zip'),
});
