-- Monthly declarative partitioning of the two ever-growing tables (docs/scaling.md#partitioning):
-- claims by date of service, audit_events by `at` (UTC months). Written by hand: drizzle-kit cannot
-- express PARTITION BY; the table files carry the new primary keys, so the snapshot matches.
-- Converts existing tables: rename the old one, create the partitioned parent with the same columns
-- (LIKE … INCLUDING DEFAULTS keeps column order, so rows move with INSERT … SELECT *), one partition
-- per month present in the data, the current month and three ahead (the partition job keeps
-- creating months ahead), a DEFAULT partition for any other date, move the rows, drop the old table,
-- then build keys and indexes on the parent (they cascade to every partition; faster after the load).
-- A unique key of a partitioned table must hold the partition key: claims (id, date_of_service) and
-- claims_paid_once_uq (already ends in date_of_service); audit_events (id, at). No foreign key
-- references either table. Runs on PostgreSQL 15 and PGlite.
ALTER TABLE "claims" RENAME TO "claims_unpartitioned";--> statement-breakpoint
CREATE TABLE "claims" (LIKE "claims_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("date_of_service");--> statement-breakpoint
DO $$
DECLARE
  m date;
BEGIN
  FOR m IN
    SELECT DISTINCT date_trunc('month', date_of_service)::date FROM claims_unpartitioned
    UNION
    SELECT (date_trunc('month', (now() AT TIME ZONE 'UTC')::date) + make_interval(months => k))::date
      FROM generate_series(0, 3) AS k
  LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF claims FOR VALUES FROM (%L) TO (%L)',
      'claims_p' || to_char(m, 'YYYY_MM'), m, (m + interval '1 month')::date);
  END LOOP;
END $$;--> statement-breakpoint
CREATE TABLE "claims_default" PARTITION OF "claims" DEFAULT;--> statement-breakpoint
INSERT INTO "claims" SELECT * FROM "claims_unpartitioned";--> statement-breakpoint
DROP TABLE "claims_unpartitioned";--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_id_date_of_service_pk" PRIMARY KEY("id","date_of_service");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_paid_once_uq" ON "claims" USING btree ("pharmacy_npi","prescription_number","fill_number","date_of_service") WHERE transaction_status = 'P' and reversed_at is null;--> statement-breakpoint
CREATE INDEX "claims_member_dos_idx" ON "claims" USING btree ("member_id","date_of_service");--> statement-breakpoint
CREATE INDEX "claims_pharmacy_idx" ON "claims" USING btree ("pharmacy_npi","received_at");--> statement-breakpoint
-- audit_events: its id sequence belongs to the old table's column; detach it first or DROP takes it along.
ALTER SEQUENCE "audit_events_id_seq" OWNED BY NONE;--> statement-breakpoint
ALTER TABLE "audit_events" RENAME TO "audit_events_unpartitioned";--> statement-breakpoint
CREATE TABLE "audit_events" (LIKE "audit_events_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("at");--> statement-breakpoint
DO $$
DECLARE
  m date;
BEGIN
  FOR m IN
    SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC')::date FROM audit_events_unpartitioned
    UNION
    SELECT (date_trunc('month', (now() AT TIME ZONE 'UTC')::date) + make_interval(months => k))::date
      FROM generate_series(0, 3) AS k
  LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
      'audit_events_p' || to_char(m, 'YYYY_MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
  END LOOP;
END $$;--> statement-breakpoint
CREATE TABLE "audit_events_default" PARTITION OF "audit_events" DEFAULT;--> statement-breakpoint
INSERT INTO "audit_events" SELECT * FROM "audit_events_unpartitioned";--> statement-breakpoint
DROP TABLE "audit_events_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" OWNED BY "audit_events"."id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_id_at_pk" PRIMARY KEY("id","at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "audit_events_member_ids_idx" ON "audit_events" USING gin ("member_ids");
