CREATE TABLE "claim_long_supplies" (
	"member_id" text NOT NULL,
	"date_of_service" date NOT NULL,
	"claim_id" text NOT NULL,
	"days_supply" integer NOT NULL,
	CONSTRAINT "claim_long_supplies_member_id_date_of_service_claim_id_pk" PRIMARY KEY("member_id","date_of_service","claim_id")
);
--> statement-breakpoint
-- A claim reads only the months of history its rules look at (historyLookbackDays); a paid fill
-- with a longer supply than 90 days is the one older fill that could still make it a refill too
-- soon, so each one is noted here, whatever inserts the claim (adjudication, a COPY load). The
-- trigger is on the partitioned table: PostgreSQL clones it to every partition, present and future.
CREATE FUNCTION claims_note_long_supply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO claim_long_supplies (member_id, date_of_service, claim_id, days_supply)
		VALUES (NEW.member_id, NEW.date_of_service, NEW.id, NEW.days_supply)
		ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER claims_long_supply AFTER INSERT ON claims FOR EACH ROW
	WHEN (NEW.transaction_status = 'P' AND NEW.days_supply > 90 AND NEW.member_id IS NOT NULL)
	EXECUTE FUNCTION claims_note_long_supply();
--> statement-breakpoint
-- The fills already paid. A claim is dated at most a year back (timely filing) and looks a year
-- before that, so older fills can never be asked about.
INSERT INTO claim_long_supplies (member_id, date_of_service, claim_id, days_supply)
	SELECT member_id, date_of_service, id, days_supply FROM claims
	WHERE transaction_status = 'P' AND days_supply > 90 AND member_id IS NOT NULL
		AND date_of_service >= current_date - 740
	ON CONFLICT DO NOTHING;
