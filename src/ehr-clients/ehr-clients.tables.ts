import { sql } from 'drizzle-orm';
import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { JSONWebKeySet } from 'jose';

/**
 * EHR and hub systems registered for SMART Backend Services: their public keys (JWKS), the
 * scopes they may be granted, and the prescribers (NPIs) of the practice they act for.
 */
export const ehrClients = pgTable('ehr_clients', {
  id: text('id').primaryKey(),
  clientId: text('client_id').notNull().unique(),
  name: text('name').notNull(),
  scopes: text('scopes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  prescriberNpis: text('prescriber_npis')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** The practice's organization identifier (NPI), matched by PAS subscription filters (org-identifier). */
  organizationIdentifier: text('organization_identifier'),
  jwks: jsonb('jwks').$type<JSONWebKeySet>().notNull(),
  /** SHA-256 of the client's API key, when it has one (refused in production unless FHIR_API_KEYS=allow). */
  apiKeyHash: text('api_key_hash').unique(),
  /** ePA hubs: where PANotifications for the cases they open are POSTed (recorded on each case at initiation). */
  epaEndpoint: text('epa_endpoint'),
  /**
   * How PANotification deliveries authenticate to the hub (epa-notification-auth.ts): 'none',
   * 'bearer' (epaAuthSecret is the token) or 'basic' (epaAuthUsername and epaAuthSecret). The
   * secret is sent, so it is stored as given; the API never returns it.
   */
  epaAuthScheme: text('epa_auth_scheme').notNull().default('none'),
  epaAuthUsername: text('epa_auth_username'),
  epaAuthSecret: text('epa_auth_secret'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: text('created_by').notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** Client-assertion ids seen until their expiry: a replayed assertion is refused (RFC 7523 §3, SMART Backend Services). */
export const oauthAssertionJtis = pgTable(
  'oauth_assertion_jtis',
  {
    clientId: text('client_id').notNull(),
    jti: text('jti').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.jti] })],
);
