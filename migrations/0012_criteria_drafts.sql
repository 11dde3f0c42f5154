CREATE TABLE "criteria_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"base_version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"simulated_revision" integer,
	"simulation" jsonb
);
--> statement-breakpoint
-- A published criteria version is immutable (docs/design.md#criteria-authoring): cases decided on
-- it must replay on exactly what they were decided on. Only the "current" flag may move.
CREATE FUNCTION criteria_sets_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'criteria set % version % is published and cannot be deleted', OLD.id, OLD.version
			USING ERRCODE = 'check_violation';
	END IF;
	IF NEW.id IS DISTINCT FROM OLD.id OR NEW.version IS DISTINCT FROM OLD.version
		OR NEW.title IS DISTINCT FROM OLD.title OR NEW.body IS DISTINCT FROM OLD.body
		OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
		RAISE EXCEPTION 'criteria set % version % is published and cannot be changed', OLD.id, OLD.version
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER criteria_sets_immutable BEFORE UPDATE OR DELETE ON "criteria_sets"
	FOR EACH ROW EXECUTE FUNCTION criteria_sets_immutable();
