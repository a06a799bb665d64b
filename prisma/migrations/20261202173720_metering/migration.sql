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
-- Creating a partition takes an ACCESS EXCLUSIVE lock on "MeterReading" until the creating transaction
-- ends, so the API creates missing months in a short transaction of their own before a batch's ingest, and
-- the worker creates the coming months ahead (settlement-partitions job).
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
    EXECUTE format('CREATE TABLE %I PARTITION OF "MeterReading" FOR VALUES FROM (%L) TO (%L)',
                   part, to_char(first_day, utc_bound), to_char(first_day + interval '1 month', utc_bound));
    RETURN true;
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    RETURN false;
  END;
END
$$;
REVOKE ALL ON FUNCTION ensure_meter_partition(date) FROM PUBLIC;

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
