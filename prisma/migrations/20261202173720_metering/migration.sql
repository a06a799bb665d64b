-- Metering (docs/settlement.md "API"): organisations a platform admin trusts with the hashprice index, a
-- way for the parties to mark statements stale when they change an event, and two fixes to the settlement
-- migration's partition function.

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "hashpriceProvider" BOOLEAN NOT NULL DEFAULT false;

-- ---------------------------------------------------------------------------------------------------------
-- ensure_meter_partition, fixed (the settlement migration stays as it was applied):
-- 1. Two transactions creating the same month both passed the to_regclass check and the second failed with
--    `relation "MeterReading_…" already exists` (42P07): the caller's batch got an internal error. An
--    advisory lock (one for all months, so two creators never wait on each other's partitions in opposite
--    order) makes the second wait for the first to commit; its CREATE then finds the month (the name
--    lookups of a transaction that waited on an advisory lock may still miss the other's new table, so the
--    error itself is the answer: the month exists).
-- 2. The bounds were dates, which PostgreSQL turns into timestamptz in the session's time zone: on a server
--    or session not on UTC the months were shifted by its offset. They are UTC instants now.
-- 3. CREATE TABLE … PARTITION OF locks "MeterReading" ACCESS EXCLUSIVE until the creating transaction ends:
--    every reader and writer of any month waited for it (in the ingest benchmark, a batch reaching a new
--    month stalled the batch in flight beside it, and both). The month is now made as a table of its own
--    and attached, which locks the parent only SHARE UPDATE EXCLUSIVE (inserts and reads go on).
-- The API still creates a batch's missing months before its transaction, so the lock is short; the worker
-- creates the coming months ahead (meter-partitions job).
CREATE OR REPLACE FUNCTION ensure_meter_partition(month_start date) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  first_day date := date_trunc('month', month_start)::date;
  part text := format('MeterReading_%s', to_char(first_day, 'YYYY_MM'));
  utc_bound text := 'YYYY-MM-DD"T00:00:00Z"';
BEGIN
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('ensure_meter_partition'));
  BEGIN
    EXECUTE format('CREATE TABLE %I (LIKE "MeterReading" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)', part);
    EXECUTE format('ALTER TABLE "MeterReading" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                   part, to_char(first_day, utc_bound), to_char(first_day + interval '1 month', utc_bound));
    RETURN true;
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    RETURN false;
  END;
END
$$;
REVOKE ALL ON FUNCTION ensure_meter_partition(date) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------
-- ingest_meter_readings, restated (same signature, checks and answers) for two costs the ingest benchmark
-- found (apps/api/bench/meter-ingest.ts):
-- 1. It compared the batch with every stored reading of the deal, in every month (the join could not prune
--    partitions), so a batch cost more the more the deal had stored (a deal-year: ~100,000 rows read per
--    batch). It now reads only the batch's own time range.
-- 2. Every row went through INSERT … ON CONFLICT DO UPDATE, which locks each stored row it meets before
--    its WHERE finds the value unchanged: re-sending 10,000 readings wrote 10,000 tuple locks (~25 µs a
--    row). Now only rows not stored go through the insert (its ON CONFLICT stays, for a concurrent batch
--    that stores the same interval first), changed rows are updated, unchanged ones are not touched.
-- The months of a batch come from its first and last start (one date_trunc each, not 10,000).
CREATE OR REPLACE FUNCTION ingest_meter_readings(deal_id uuid, channels "MeterChannel"[], starts timestamptz[],
                                                 minutes smallint[], kwhs numeric[], actor text)
  RETURNS TABLE ("inserted" integer, "corrected" integer, "unchanged" integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  caller uuid := app_current_org();
  deal record;
  month_start date;
  first_start timestamptz;
  last_start timestamptz;
  n_inserted integer;
  n_corrected integer;
BEGIN
  SELECT d."id", d."status", d."hostOrgId" INTO deal FROM "Deal" d WHERE d."id" = deal_id;
  IF caller IS NULL OR deal IS NULL OR NOT (deal."hostOrgId" = caller OR EXISTS (
       SELECT 1 FROM "MeterGrant" g WHERE g."dealId" = deal_id AND g."partnerOrgId" = caller AND g."revokedAt" IS NULL)) THEN
    RAISE EXCEPTION 'meter readings of deal % cannot be written by this organisation', deal_id USING ERRCODE = '42501';
  END IF;
  IF deal."status" NOT IN ('ACTIVE', 'ENDED') THEN
    RAISE EXCEPTION 'deal % is %; readings are recorded for ACTIVE or ENDED deals', deal_id, deal."status" USING ERRCODE = '55000';
  END IF;
  SELECT min(s), max(s) INTO first_start, last_start FROM unnest(starts) AS s;
  FOR month_start IN SELECT generate_series(date_trunc('month', first_start AT TIME ZONE 'UTC'), date_trunc('month', last_start AT TIME ZONE 'UTC'), interval '1 month')::date LOOP
    PERFORM ensure_meter_partition(month_start);
  END LOOP;

  WITH input AS (
    SELECT * FROM unnest(channels, starts, minutes, kwhs) AS i("channel", "intervalStart", "intervalMinutes", "kwh")
  ), stored AS MATERIALIZED (
    SELECT i."channel", i."intervalStart", r."kwh" AS old_kwh, i."kwh" AS new_kwh
    FROM input i JOIN "MeterReading" r
      ON r."dealId" = deal_id AND r."channel" = i."channel" AND r."intervalStart" = i."intervalStart"
    WHERE r."intervalStart" BETWEEN first_start AND last_start
  ), changed AS (
    SELECT * FROM stored WHERE old_kwh <> new_kwh
  ), inserted AS (
    INSERT INTO "MeterReading" ("dealId", "channel", "intervalStart", "intervalMinutes", "kwh", "recordedByOrgId")
    SELECT deal_id, i."channel", i."intervalStart", i."intervalMinutes", i."kwh", caller FROM input i
    WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s."channel" = i."channel" AND s."intervalStart" = i."intervalStart")
    ON CONFLICT ("dealId", "channel", "intervalStart") DO UPDATE
      SET "kwh" = EXCLUDED."kwh", "revision" = "MeterReading"."revision" + 1,
          "recordedByOrgId" = EXCLUDED."recordedByOrgId", "recordedAt" = CURRENT_TIMESTAMP
      WHERE "MeterReading"."kwh" <> EXCLUDED."kwh"
    RETURNING 1
  ), updated AS (
    UPDATE "MeterReading" r
       SET "kwh" = c.new_kwh, "revision" = r."revision" + 1, "recordedByOrgId" = caller, "recordedAt" = CURRENT_TIMESTAMP
      FROM changed c
     WHERE r."dealId" = deal_id AND r."channel" = c."channel" AND r."intervalStart" = c."intervalStart"
       AND r."intervalStart" BETWEEN first_start AND last_start
    RETURNING 1
  ), revised AS (
    INSERT INTO "MeterReadingRevision" ("id", "dealId", "channel", "intervalStart", "oldKwh", "newKwh", "revisedByOrgId", "actor")
    SELECT gen_random_uuid(), deal_id, c."channel", c."intervalStart", c.old_kwh, c.new_kwh, caller, actor FROM changed c
    RETURNING 1
  )
  -- (A data-modifying WITH runs to completion whether or not it is read: `updated` needs no reference.)
  SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM revised) INTO n_inserted, n_corrected;

  IF n_inserted + n_corrected > 0 THEN
    UPDATE "SettlementStatement" SET "stale" = true, "updatedAt" = CURRENT_TIMESTAMP
    WHERE "dealId" = deal_id AND "status" IN ('DRAFT', 'ISSUED', 'DISPUTED') AND NOT "stale";
  END IF;
  RETURN QUERY SELECT n_inserted, n_corrected, cardinality(channels) - n_inserted - n_corrected;
END
$$;
REVOKE ALL ON FUNCTION ingest_meter_readings(uuid, "MeterChannel"[], timestamptz[], smallint[], numeric[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ingest_meter_readings(uuid, "MeterChannel"[], timestamptz[], smallint[], numeric[], text) TO gridshare_app;

-- ---------------------------------------------------------------------------------------------------------
-- Recording, withdrawing or disputing a curtailment event (and a pool statement day) changes what the
-- deal's statements that are not agreed yet would say; the runtime role cannot update statements, so this
-- marks them stale for the caller when it is a party of the deal or an active metering partner. Returns how
-- many it marked. (ingest_meter_readings does the same for readings; the hashprice index, written on the
-- system path, updates the statements itself.)
CREATE FUNCTION mark_statements_stale(deal_id uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  caller uuid := app_current_org();
  marked integer;
BEGIN
  IF caller IS NULL OR NOT (
       EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = deal_id AND caller IN (d."hostOrgId", d."tenantOrgId"))
       OR EXISTS (SELECT 1 FROM "MeterGrant" g WHERE g."dealId" = deal_id AND g."partnerOrgId" = caller AND g."revokedAt" IS NULL)) THEN
    RAISE EXCEPTION 'deal % is not a deal of this organisation', deal_id USING ERRCODE = '42501';
  END IF;
  UPDATE "SettlementStatement" SET "stale" = true, "updatedAt" = CURRENT_TIMESTAMP
  WHERE "dealId" = deal_id AND "status" IN ('DRAFT', 'ISSUED', 'DISPUTED') AND NOT "stale";
  GET DIAGNOSTICS marked = ROW_COUNT;
  RETURN marked;
END
$$;
REVOKE ALL ON FUNCTION mark_statements_stale(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mark_statements_stale(uuid) TO gridshare_app;

-- ---------------------------------------------------------------------------------------------------------
-- A metering grant names three organisations: the deal's parties see the partner's name, and the partner
-- sees the host's (never the tenant's: the partner works for the host).
CREATE POLICY meter_grant_read ON "Organization" FOR SELECT TO gridshare_app
  USING (EXISTS (SELECT 1 FROM "MeterGrant" g
                  WHERE (g."partnerOrgId" = "Organization"."id" AND app_current_org() IN (g."hostOrgId", g."tenantOrgId"))
                     OR (g."partnerOrgId" = app_current_org() AND g."hostOrgId" = "Organization"."id")));
