-- One open request per member, drug-form group and kind (issue #14 item 4, #17). A database from
-- before this index may hold two open requests for the same member, drug and kind (the check in
-- initiate-request.ts read before it wrote, so two submissions at one moment both passed it). The
-- index could not be built over them: the first one received stays open (one already submitted
-- before a draft), the others are cancelled as cancel-request.ts does — status, determination,
-- history row naming the case that stays, case clocks stopped — so the index always builds.
WITH "ranked" AS (
  SELECT "id", "status", "version",
         first_value("id") OVER w AS "kept",
         row_number() OVER w AS "n"
  FROM "pa_requests"
  WHERE "status" IN ('awaiting-answers', 'submitted', 'in-review', 'awaiting-information')
  WINDOW w AS (PARTITION BY "member_id", "group_id", "kind" ORDER BY ("status" = 'awaiting-answers'), "received_at", "id")
), "duplicates" AS (
  SELECT * FROM "ranked" WHERE "n" > 1
), "history" AS (
  INSERT INTO "pa_history" ("pa_request_id", "at", "actor", "actor_role", "action", "from_status", "to_status", "reason", "details")
  SELECT "id", now(), 'system', 'system', 'cancelled', "status", 'cancelled',
         'Duplicate of request ' || "kept" || ': one open request per member, drug and kind',
         jsonb_build_object('duplicateOf', "kept")
  FROM "duplicates"
), "clocks" AS (
  UPDATE "deadlines" SET "cancelled_at" = now()
  WHERE "entity_id" IN (SELECT "id" FROM "duplicates")
    AND "kind" IN ('pa-warning', 'pa-due', 'pa-info-request-due')
    AND "fired_at" IS NULL AND "cancelled_at" IS NULL
)
UPDATE "pa_requests" AS p
SET "status" = 'cancelled',
    "decided_at" = now(),
    "determination" = jsonb_build_object(
      'decision', 'cancelled',
      'reasons', jsonb_build_array('Duplicate of request ' || d."kept" || ': one open request per member, drug and kind'),
      'decidedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'decidedBy', jsonb_build_object('name', 'system', 'role', 'system')),
    "version" = p."version" + 1,
    "updated_at" = now()
FROM "duplicates" AS d
WHERE p."id" = d."id";--> statement-breakpoint
CREATE UNIQUE INDEX "pa_requests_one_open_per_drug_kind_uq" ON "pa_requests" USING btree ("member_id","group_id","kind") WHERE status in ('awaiting-answers', 'submitted', 'in-review', 'awaiting-information');
