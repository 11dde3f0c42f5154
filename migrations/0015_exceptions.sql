ALTER TABLE "authorizations" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "pa_requests" ADD COLUMN "supporting_statement_received_at" timestamp with time zone;