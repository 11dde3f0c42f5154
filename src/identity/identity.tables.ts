import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash'),
  role: text('role').notNull(),
  displayName: text('display_name'),
  credential: text('credential'),
  memberId: text('member_id'),
  npi: text('npi'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** Set by an admin's password reset: sign-in asks for a new password first (docs/security.md#sign-in). */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Tokens carry the epoch they were issued in; a password reset or change moves it on, ending them. */
  sessionEpoch: integer('session_epoch').notNull().default(0),
  /** The portal language the person chose ('en' | 'es'); it opens their portal at sign-in (docs/design.md#portal-language). */
  language: text('language'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** API keys are random 256-bit secrets: a SHA-256 of the key is enough to store (no brute force). */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    keyHash: text('key_hash').notNull().unique(),
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_user_idx').on(t.userId)],
);
