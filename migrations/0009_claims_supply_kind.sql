ALTER TABLE "claims" ADD COLUMN "supply_kind" text;--> statement-breakpoint
-- Emergency supplies paid before the column existed are marked from their stored answer (never continuing therapy).
UPDATE "claims" SET "supply_kind" = 'emergency' WHERE "transaction_status" = 'P' AND ("response"->>'emergencySupply')::boolean IS TRUE;
