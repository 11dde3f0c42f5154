CREATE TABLE "ncpdp_exchanges" (
	"id" text PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"transaction_code" text NOT NULL,
	"group_index" integer NOT NULL,
	"status" text NOT NULL,
	"pharmacy_npi" text NOT NULL,
	"channel" text NOT NULL,
	"request" "bytea" NOT NULL,
	"response" "bytea" NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ncpdp_exchanges_claim_idx" ON "ncpdp_exchanges" USING btree ("claim_id","received_at");