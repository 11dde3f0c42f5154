CREATE TABLE "call_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"caller_name" text NOT NULL,
	"caller_relationship" text NOT NULL,
	"identity_verified" boolean NOT NULL,
	"verification_method" text,
	"topic" text NOT NULL,
	"note" text NOT NULL,
	"pa_request_id" text,
	"claim_id" text,
	"appeal_id" text
);
--> statement-breakpoint
CREATE INDEX "call_notes_member_idx" ON "call_notes" USING btree ("member_id","recorded_at");