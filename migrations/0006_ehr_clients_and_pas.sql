CREATE TABLE "ehr_clients" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"prescriber_npis" text[] DEFAULT '{}'::text[] NOT NULL,
	"organization_identifier" text,
	"jwks" jsonb NOT NULL,
	"api_key_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "ehr_clients_client_id_unique" UNIQUE("client_id"),
	CONSTRAINT "ehr_clients_api_key_hash_unique" UNIQUE("api_key_hash")
);
--> statement-breakpoint
CREATE TABLE "oauth_assertion_jtis" (
	"client_id" text NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "oauth_assertion_jtis_client_id_jti_pk" PRIMARY KEY("client_id","jti")
);
--> statement-breakpoint
CREATE TABLE "fhir_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"topic" text NOT NULL,
	"org_identifier" text NOT NULL,
	"endpoint" text NOT NULL,
	"payload_content" text NOT NULL,
	"headers" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"events_since_start" bigint DEFAULT 0 NOT NULL,
	"resource" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pas_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"pas_request_id" text NOT NULL,
	"case_status" text NOT NULL,
	"event_number" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pas_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"claim_identifier" text NOT NULL,
	"item_sequence" integer NOT NULL,
	"member_id" text NOT NULL,
	"pa_request_id" text,
	"request_bundle" jsonb NOT NULL,
	"pended" boolean NOT NULL,
	"final_status" text,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fhir_subscriptions_client_idx" ON "fhir_subscriptions" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pas_notifications_once_uq" ON "pas_notifications" USING btree ("subscription_id","pas_request_id","case_status");--> statement-breakpoint
CREATE INDEX "pas_notifications_due_idx" ON "pas_notifications" USING btree ("next_attempt_at") WHERE delivered_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pas_requests_claim_item_uq" ON "pas_requests" USING btree ("client_id","claim_identifier","item_sequence");--> statement-breakpoint
CREATE INDEX "pas_requests_case_idx" ON "pas_requests" USING btree ("pa_request_id");