CREATE TABLE "epa_cases" (
	"pa_request_id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"prescriber_npi" text NOT NULL,
	"endpoint" text,
	"initiation_message_id" text NOT NULL,
	"last_event" text NOT NULL,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "epa_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"message_id" text NOT NULL,
	"transaction" text NOT NULL,
	"pa_request_id" text,
	"request_xml" text NOT NULL,
	"response_xml" text,
	"received_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "epa_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"pa_request_id" text NOT NULL,
	"client_id" text NOT NULL,
	"event" text NOT NULL,
	"endpoint" text NOT NULL,
	"message_id" text NOT NULL,
	"body_xml" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ehr_clients" ADD COLUMN "epa_endpoint" text;--> statement-breakpoint
CREATE INDEX "epa_cases_unsettled_idx" ON "epa_cases" USING btree ("created_at") WHERE settled_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "epa_messages_sender_uq" ON "epa_messages" USING btree ("client_id","message_id");--> statement-breakpoint
CREATE INDEX "epa_messages_case_idx" ON "epa_messages" USING btree ("pa_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "epa_notifications_once_uq" ON "epa_notifications" USING btree ("pa_request_id","event");--> statement-breakpoint
CREATE INDEX "epa_notifications_due_idx" ON "epa_notifications" USING btree ("next_attempt_at") WHERE delivered_at is null and failed_at is null;