ALTER TABLE "ehr_clients" ADD COLUMN "epa_auth_scheme" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "ehr_clients" ADD COLUMN "epa_auth_username" text;--> statement-breakpoint
ALTER TABLE "ehr_clients" ADD COLUMN "epa_auth_secret" text;