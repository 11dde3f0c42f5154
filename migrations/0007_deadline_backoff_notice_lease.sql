DROP INDEX "deadlines_due_idx";--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "dead_lettered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "work_items" ADD COLUMN "queue" text DEFAULT 'operations' NOT NULL;--> statement-breakpoint
CREATE INDEX "deadlines_pending_due_idx" ON "deadlines" USING btree ("due_at") WHERE fired_at is null and cancelled_at is null and dead_lettered_at is null;--> statement-breakpoint
-- Notices left in 'sending' by a sender that died before leases existed: let the next delivery sweep retry them.
UPDATE "notices" SET "claimed_until" = now() WHERE "status" = 'sending';
