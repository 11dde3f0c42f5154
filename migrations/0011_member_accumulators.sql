CREATE TABLE "member_accumulators" (
	"member_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"plan_year_start" date NOT NULL,
	"deductible_met" numeric(12, 2) DEFAULT '0' NOT NULL,
	"out_of_pocket_spent" numeric(12, 2) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_accumulators_member_id_plan_id_plan_year_start_pk" PRIMARY KEY("member_id","plan_id","plan_year_start")
);
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "deductible_applied" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "plan_year_start" date;--> statement-breakpoint
-- Claims paid before accumulators existed count in their plan year's out-of-pocket spending (none went to a deductible: it was taken as met).
UPDATE "claims" c SET "plan_year_start" = make_date(
    extract(year from c."date_of_service" - make_interval(months => coalesce((p."policy"->'accumulators'->>'planYearStartMonth')::int, 1) - 1))::int,
    coalesce((p."policy"->'accumulators'->>'planYearStartMonth')::int, 1), 1),
  "deductible_applied" = 0
  FROM "plans" p
  WHERE p."id" = c."plan_id" AND c."transaction_status" = 'P' AND c."reversed_at" IS NULL AND c."member_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "member_accumulators" ("member_id", "plan_id", "plan_year_start", "deductible_met", "out_of_pocket_spent", "updated_at")
  SELECT "member_id", "plan_id", "plan_year_start", 0, coalesce(sum("patient_pay"), 0), now()
  FROM "claims" WHERE "plan_year_start" IS NOT NULL AND "transaction_status" = 'P' AND "reversed_at" IS NULL
  GROUP BY "member_id", "plan_id", "plan_year_start";
