CREATE TABLE "drug_concepts" (
	"rxcui" text PRIMARY KEY NOT NULL,
	"tty" text NOT NULL,
	"name" text NOT NULL,
	"ingredient" text NOT NULL,
	"ingredient_rxcui" text,
	"strength" text,
	"dose_form" text NOT NULL,
	"group_id" text NOT NULL,
	"group_name" text NOT NULL,
	"brand_name" text,
	"generic" boolean NOT NULL,
	"generic_scd_rxcui" text,
	"drug_class" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drug_packages" (
	"ndc" text PRIMARY KEY NOT NULL,
	"rxcui" text NOT NULL,
	"unit_price" numeric(14, 5),
	"price_unit" text,
	"price_effective_date" text
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"line_of_business" text NOT NULL,
	"processor_id" text NOT NULL,
	"group_id" text,
	"carve_out_plan_id" text,
	"policy" jsonb NOT NULL,
	"source" text DEFAULT 'openpbm' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processors" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"bin" text NOT NULL,
	"pcn" text,
	"group_id" text,
	"help_desk_phone" text,
	"pa_fax" text,
	"pa_phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formulary_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"rxcui" text,
	"group_id" text,
	"covered" boolean NOT NULL,
	"tier" text,
	"prior_authorization" boolean DEFAULT false NOT NULL,
	"criteria_id" text,
	"step_therapy" jsonb,
	"quantity_limit" jsonb,
	"min_age" integer,
	"max_age" integer,
	"sex" text,
	"new_starts_only" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'openpbm' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"contact_preference" text DEFAULT 'mail' NOT NULL,
	"email" text,
	"phone" text,
	"address_line1" text,
	"city" text,
	"state" text,
	"zip" text,
	"effective_date" date NOT NULL,
	"termination_date" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pharmacies" (
	"npi" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"pharmacy_type" text DEFAULT 'retail' NOT NULL,
	"phone" text,
	"fax" text,
	"address_line1" text,
	"city" text,
	"state" text,
	"zip" text
);
--> statement-breakpoint
CREATE TABLE "prescribers" (
	"npi" text PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"credential" text,
	"specialty" text,
	"phone" text,
	"fax" text,
	"address_line1" text,
	"city" text,
	"state" text,
	"zip" text
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"key_hash" text NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text,
	"role" text NOT NULL,
	"display_name" text,
	"credential" text,
	"member_id" text,
	"npi" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"actor" text NOT NULL,
	"summary" jsonb
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" text PRIMARY KEY NOT NULL,
	"pharmacy_npi" text NOT NULL,
	"prescription_number" text NOT NULL,
	"fill_number" integer NOT NULL,
	"date_of_service" date NOT NULL,
	"cardholder_id" text NOT NULL,
	"member_id" text,
	"plan_id" text,
	"product_id" text NOT NULL,
	"rxcui" text,
	"group_id" text,
	"ingredient" text,
	"drug_class" text,
	"quantity" numeric(12, 3) NOT NULL,
	"days_supply" integer NOT NULL,
	"prescriber_npi" text NOT NULL,
	"transaction_status" text NOT NULL,
	"reject_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"authorization_number" text,
	"patient_pay" numeric(12, 2),
	"plan_pay" numeric(12, 2),
	"request" jsonb NOT NULL,
	"response" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"reversed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "authorizations" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"member_id" text NOT NULL,
	"group_id" text NOT NULL,
	"scope" text DEFAULT 'drug-form-group' NOT NULL,
	"brand_name" text,
	"effective_from" date NOT NULL,
	"effective_to" date NOT NULL,
	"max_units" numeric(12, 3),
	"per_days" integer,
	"kind" text DEFAULT 'prior-authorization' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"pa_request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "authorizations_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"payload" jsonb,
	"fired_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_sets" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "criteria_sets_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "pa_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"pa_request_id" text NOT NULL,
	"document_id" text,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pa_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pa_request_id" text NOT NULL,
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
CREATE TABLE "pa_information_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"pa_request_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"items" jsonb NOT NULL,
	"note" text,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"responded_at" timestamp with time zone,
	"response" jsonb
);
--> statement-breakpoint
CREATE TABLE "pa_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"member_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"prescriber_npi" text NOT NULL,
	"pharmacy_npi" text,
	"requested_rxcui" text NOT NULL,
	"drug_name" text NOT NULL,
	"group_id" text NOT NULL,
	"group_name" text NOT NULL,
	"brand_name" text,
	"quantity" numeric(12, 3) NOT NULL,
	"days_supply" integer NOT NULL,
	"urgency" text NOT NULL,
	"urgency_reason" text,
	"channel" text NOT NULL,
	"kind" text DEFAULT 'prior-authorization' NOT NULL,
	"criteria_id" text NOT NULL,
	"criteria_version" integer NOT NULL,
	"answers" jsonb,
	"renewal_of" text,
	"received_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"assigned_to" text,
	"assigned_at" timestamp with time zone,
	"criteria_evaluation" jsonb,
	"determination" jsonb,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"pa_request_id" text,
	"appeal_id" text,
	"member_id" text,
	"recipient" text NOT NULL,
	"recipient_id" text NOT NULL,
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
CREATE TABLE "work_items" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"summary" text NOT NULL,
	"details" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "fax_intake_items" (
	"id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"sender_fax" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"status" text NOT NULL,
	"pa_request_id" text,
	"appeal_id" text,
	"handled_by" text,
	"handled_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "drug_packages" ADD CONSTRAINT "drug_packages_rxcui_drug_concepts_rxcui_fk" FOREIGN KEY ("rxcui") REFERENCES "public"."drug_concepts"("rxcui") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_processor_id_processors_id_fk" FOREIGN KEY ("processor_id") REFERENCES "public"."processors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formulary_entries" ADD CONSTRAINT "formulary_entries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drug_concepts_group_idx" ON "drug_concepts" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "drug_concepts_class_idx" ON "drug_concepts" USING btree ("drug_class");--> statement-breakpoint
CREATE INDEX "drug_packages_rxcui_idx" ON "drug_packages" USING btree ("rxcui");--> statement-breakpoint
CREATE UNIQUE INDEX "formulary_entries_plan_rxcui_uq" ON "formulary_entries" USING btree ("plan_id","rxcui");--> statement-breakpoint
CREATE UNIQUE INDEX "formulary_entries_plan_group_uq" ON "formulary_entries" USING btree ("plan_id","group_id");--> statement-breakpoint
CREATE INDEX "formulary_entries_plan_idx" ON "formulary_entries" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "members_name_dob_idx" ON "members" USING btree ("last_name","date_of_birth");--> statement-breakpoint
CREATE INDEX "members_plan_idx" ON "members" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_paid_once_uq" ON "claims" USING btree ("pharmacy_npi","prescription_number","fill_number","date_of_service") WHERE transaction_status = 'P' and reversed_at is null;--> statement-breakpoint
CREATE INDEX "claims_member_dos_idx" ON "claims" USING btree ("member_id","date_of_service");--> statement-breakpoint
CREATE INDEX "claims_pharmacy_idx" ON "claims" USING btree ("pharmacy_npi","received_at");--> statement-breakpoint
CREATE INDEX "authorizations_member_group_idx" ON "authorizations" USING btree ("member_id","group_id");--> statement-breakpoint
CREATE INDEX "deadlines_due_idx" ON "deadlines" USING btree ("due_at") WHERE fired_at is null and cancelled_at is null;--> statement-breakpoint
CREATE INDEX "deadlines_entity_idx" ON "deadlines" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_kind_entity_due_uq" ON "deadlines" USING btree ("kind","entity_id","due_at") WHERE cancelled_at is null;--> statement-breakpoint
CREATE INDEX "pa_attachments_request_idx" ON "pa_attachments" USING btree ("pa_request_id");--> statement-breakpoint
CREATE INDEX "pa_history_request_idx" ON "pa_history" USING btree ("pa_request_id","at");--> statement-breakpoint
CREATE INDEX "pa_info_requests_request_idx" ON "pa_information_requests" USING btree ("pa_request_id");--> statement-breakpoint
CREATE INDEX "pa_requests_member_idx" ON "pa_requests" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "pa_requests_prescriber_idx" ON "pa_requests" USING btree ("prescriber_npi");--> statement-breakpoint
CREATE INDEX "pa_requests_queue_idx" ON "pa_requests" USING btree ("due_at") WHERE status in ('submitted', 'in-review');--> statement-breakpoint
CREATE INDEX "notices_pa_request_idx" ON "notices" USING btree ("pa_request_id");--> statement-breakpoint
CREATE INDEX "notices_member_idx" ON "notices" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "work_items_open_idx" ON "work_items" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "fax_intake_status_idx" ON "fax_intake_items" USING btree ("status","received_at");