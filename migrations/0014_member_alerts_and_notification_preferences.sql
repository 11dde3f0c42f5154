CREATE TABLE "member_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"topic" text NOT NULL,
	"notice_kind" text NOT NULL,
	"pa_request_id" text,
	"appeal_id" text,
	"channel" text NOT NULL,
	"address" text,
	"language" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"delivery_reference" text
);
--> statement-breakpoint
CREATE TABLE "member_notification_preferences" (
	"member_id" text PRIMARY KEY NOT NULL,
	"decisions" jsonb NOT NULL,
	"information_requests" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_notification_preferences" ADD CONSTRAINT "member_notification_preferences_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_alerts_member_idx" ON "member_alerts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_alerts_due_idx" ON "member_alerts" USING btree ("status","next_attempt_at");