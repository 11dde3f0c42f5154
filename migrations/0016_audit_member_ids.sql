ALTER TABLE "audit_events" ADD COLUMN "actor_id" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "member_ids" text[];--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "reason" text;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "audit_events_member_ids_idx" ON "audit_events" USING gin ("member_ids");--> statement-breakpoint
-- Rows written before member_ids: member-scoped reads named their member in entity_id; the insurance search listed the members it found there, comma-separated.
UPDATE "audit_events" SET "member_ids" = ARRAY["entity_id"] WHERE "member_ids" IS NULL AND "action" = 'phi.read' AND "entity_type" IN ('member', 'member-claims', 'member-accumulators', 'member-coverage', 'member-call-notes', 'member-appeals', 'member-pa-requests');--> statement-breakpoint
UPDATE "audit_events" SET "member_ids" = string_to_array("entity_id", ',') WHERE "member_ids" IS NULL AND "action" = 'phi.search' AND "entity_id" <> '(none)';
