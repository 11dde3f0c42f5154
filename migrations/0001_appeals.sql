CREATE TABLE "appeal_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"appeal_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appeal_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" text PRIMARY KEY NOT NULL,
	"pa_request_id" text NOT NULL,
	"member_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"prescriber_npi" text NOT NULL,
	"status" text NOT NULL,
	"urgency" text NOT NULL,
	"statement" text NOT NULL,
	"filed_by" text NOT NULL,
	"filed_by_user" text NOT NULL,
	"filed_by_role" text NOT NULL,
	"representative_name" text,
	"notice_date" date NOT NULL,
	"filing_deadline" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"assigned_to" text,
	"assigned_at" timestamp with time zone,
	"decision" text,
	"reasons" jsonb,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decided_by_name" text,
	"decided_by_credential" text,
	"authorization_number" text,
	"approved_quantity" numeric(12, 3),
	"next_level" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "appeal_attachments_appeal_idx" ON "appeal_attachments" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "appeal_history_appeal_idx" ON "appeal_history" USING btree ("appeal_id","at");--> statement-breakpoint
CREATE INDEX "appeals_pa_request_idx" ON "appeals" USING btree ("pa_request_id");--> statement-breakpoint
CREATE INDEX "appeals_member_idx" ON "appeals" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "appeals_prescriber_idx" ON "appeals" USING btree ("prescriber_npi");--> statement-breakpoint
CREATE INDEX "appeals_open_due_idx" ON "appeals" USING btree ("due_at") WHERE status in ('submitted', 'in-review');--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_one_open_per_case_uq" ON "appeals" USING btree ("pa_request_id") WHERE status in ('submitted', 'in-review');