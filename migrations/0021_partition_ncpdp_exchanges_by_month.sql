-- Monthly declarative partitioning of ncpdp_exchanges (the D.0 wire copies, two per claim sent over the
-- wire, kept with the claims) by `received_at`, UTC months, like audit_events in 0018
-- (docs/scaling.md#partitioning). Written by hand: drizzle-kit cannot express PARTITION BY; the table
-- file carries the new primary key, so the snapshot matches. Converts an existing table: rename it,
-- create the partitioned parent with the same columns (LIKE … INCLUDING DEFAULTS keeps column order and
-- the `seq` default, so rows move with INSERT … SELECT *), one partition per month present in the data,
-- the current month and three ahead (the partitions-ahead job keeps creating months ahead), a DEFAULT
-- partition for any other time, move the rows, drop the old table, then build the keys on the parent.
-- The primary key must hold the partition key: (id, received_at). No foreign key references the table.
-- Runs on PostgreSQL 15 and PGlite.
-- The `seq` sequence belongs to the old table's column: detach it first or DROP takes it along.
ALTER SEQUENCE "ncpdp_exchanges_seq_seq" OWNED BY NONE;--> statement-breakpoint
ALTER TABLE "ncpdp_exchanges" RENAME TO "ncpdp_exchanges_unpartitioned";--> statement-breakpoint
CREATE TABLE "ncpdp_exchanges" (LIKE "ncpdp_exchanges_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("received_at");--> statement-breakpoint
DO $$
DECLARE
  m date;
BEGIN
  FOR m IN
    SELECT DISTINCT date_trunc('month', received_at AT TIME ZONE 'UTC')::date FROM ncpdp_exchanges_unpartitioned
    UNION
    SELECT (date_trunc('month', (now() AT TIME ZONE 'UTC')::date) + make_interval(months => k))::date
      FROM generate_series(0, 3) AS k
  LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF ncpdp_exchanges FOR VALUES FROM (%L) TO (%L)',
      'ncpdp_exchanges_p' || to_char(m, 'YYYY_MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
  END LOOP;
END $$;--> statement-breakpoint
CREATE TABLE "ncpdp_exchanges_default" PARTITION OF "ncpdp_exchanges" DEFAULT;--> statement-breakpoint
INSERT INTO "ncpdp_exchanges" SELECT * FROM "ncpdp_exchanges_unpartitioned";--> statement-breakpoint
DROP TABLE "ncpdp_exchanges_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "ncpdp_exchanges_seq_seq" OWNED BY "ncpdp_exchanges"."seq";--> statement-breakpoint
ALTER TABLE "ncpdp_exchanges" ADD CONSTRAINT "ncpdp_exchanges_id_received_at_pk" PRIMARY KEY("id","received_at");--> statement-breakpoint
CREATE INDEX "ncpdp_exchanges_claim_idx" ON "ncpdp_exchanges" USING btree ("claim_id","received_at");
