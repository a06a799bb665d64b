-- Settlement (docs/settlement.md): meter readings, curtailment events, the hashprice index, pool statements,
-- the agreement frozen at signing and monthly statements. Prisma's part first, then partitions, functions,
-- immutability and row-level security by hand.

-- CreateEnum
CREATE TYPE "MeterChannel" AS ENUM ('AI_IT', 'MINING', 'SITE_IMPORT');

-- CreateEnum
CREATE TYPE "CurtailmentCause" AS ENUM ('GRID_EMERGENCY', 'DEMAND_RESPONSE', 'PRICE', 'FACILITY', 'TENANT', 'MAINTENANCE_PLANNED');

-- CreateEnum
CREATE TYPE "HashpriceSource" AS ENUM ('INDEX', 'POOL_STATEMENTS');

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('DRAFT', 'ISSUED', 'AGREED', 'DISPUTED', 'INVOICED', 'PAID');

-- CreateEnum
CREATE TYPE "StatementLineKind" AS ENUM ('COLOCATION', 'SLA_CREDIT', 'ENERGY_PASS_THROUGH', 'BACKFILL_CREDIT', 'DEMAND_RESPONSE_CREDIT', 'ADJUSTMENT', 'CARRIED_CREDIT');

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "disputeWindowDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "hashpriceSource" "HashpriceSource" NOT NULL DEFAULT 'INDEX',
ADD COLUMN     "hostSignedScenario" TEXT,
ADD COLUMN     "maintenanceAllowanceHours" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "slaTiers" JSONB,
ADD COLUMN     "tenantSignedScenario" TEXT;

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "statementId" UUID;

-- CreateTable
CREATE TABLE "DealAgreement" (
    "dealId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "scenarioId" UUID,
    "inputs" JSONB NOT NULL,
    "terms" JSONB NOT NULL,
    "agreedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealAgreement_pkey" PRIMARY KEY ("dealId")
);

-- CreateTable
CREATE TABLE "DealMwChange" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "fromMw" DECIMAL(10,3) NOT NULL,
    "toMw" DECIMAL(10,3) NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealMwChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeterReading" (
    "dealId" UUID NOT NULL,
    "channel" "MeterChannel" NOT NULL,
    "intervalStart" TIMESTAMPTZ(3) NOT NULL,
    "intervalMinutes" SMALLINT NOT NULL,
    "kwh" DECIMAL(14,3) NOT NULL,
    "revision" SMALLINT NOT NULL DEFAULT 0,
    "recordedByOrgId" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeterReading_pkey" PRIMARY KEY ("dealId","channel","intervalStart")
) PARTITION BY RANGE ("intervalStart");

-- CreateTable
CREATE TABLE "MeterReadingRevision" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "channel" "MeterChannel" NOT NULL,
    "intervalStart" TIMESTAMPTZ(3) NOT NULL,
    "oldKwh" DECIMAL(14,3) NOT NULL,
    "newKwh" DECIMAL(14,3) NOT NULL,
    "revisedByOrgId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "revisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeterReadingRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeterGrant" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "partnerOrgId" UUID NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "MeterGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CurtailmentEvent" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "cause" "CurtailmentCause" NOT NULL,
    "channel" "MeterChannel" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "mwAffected" DECIMAL(10,3) NOT NULL,
    "paymentCentsPerMwh" INTEGER,
    "note" TEXT,
    "recordedByOrgId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "disputedAt" TIMESTAMP(3),
    "disputeReason" TEXT,
    "disputedBy" TEXT,

    CONSTRAINT "CurtailmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HashpriceIndexDay" (
    "day" DATE NOT NULL,
    "usdPerPhDay" DECIMAL(12,4) NOT NULL,
    "source" TEXT NOT NULL,
    "updatedByOrgId" UUID,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HashpriceIndexDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "PoolStatementDay" (
    "dealId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "hashrateThs" DECIMAL(14,3) NOT NULL,
    "earningsCents" BIGINT NOT NULL,
    "recordedByOrgId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PoolStatementDay_pkey" PRIMARY KEY ("dealId","day")
);

-- CreateTable
CREATE TABLE "SettlementStatement" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "status" "StatementStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "tenantTotalCents" BIGINT NOT NULL,
    "platformFeeCents" BIGINT NOT NULL,
    "hostPayoutCents" BIGINT NOT NULL,
    "tenantCarryOutCents" BIGINT NOT NULL DEFAULT 0,
    "feeCarryOutCents" BIGINT NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL,
    "forecast" JSONB,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3),
    "issuedBy" TEXT,
    "autoAgreeAt" TIMESTAMP(3),
    "agreedAt" TIMESTAMP(3),
    "agreedBy" TEXT,
    "disputedAt" TIMESTAMP(3),
    "disputedBy" TEXT,
    "disputeReason" TEXT,
    "invoicedAt" TIMESTAMP(3),
    "stripeInvoiceId" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SettlementStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementLine" (
    "id" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "StatementLineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "feeBase" BOOLEAN NOT NULL DEFAULT false,
    "adjustsMonth" DATE,
    "detail" JSONB NOT NULL,

    CONSTRAINT "StatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DealAgreement_hostOrgId_idx" ON "DealAgreement"("hostOrgId");

-- CreateIndex
CREATE INDEX "DealAgreement_tenantOrgId_idx" ON "DealAgreement"("tenantOrgId");

-- CreateIndex
CREATE INDEX "DealMwChange_dealId_effectiveOn_idx" ON "DealMwChange"("dealId", "effectiveOn");

-- CreateIndex
CREATE INDEX "MeterReadingRevision_dealId_revisedAt_idx" ON "MeterReadingRevision"("dealId", "revisedAt");

-- CreateIndex
CREATE INDEX "MeterReadingRevision_dealId_intervalStart_idx" ON "MeterReadingRevision"("dealId", "intervalStart");

-- CreateIndex
CREATE INDEX "MeterGrant_partnerOrgId_idx" ON "MeterGrant"("partnerOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "MeterGrant_dealId_partnerOrgId_key" ON "MeterGrant"("dealId", "partnerOrgId");

-- CreateIndex
CREATE INDEX "CurtailmentEvent_dealId_startsAt_idx" ON "CurtailmentEvent"("dealId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementStatement_stripeInvoiceId_key" ON "SettlementStatement"("stripeInvoiceId");

-- CreateIndex
CREATE INDEX "SettlementStatement_hostOrgId_status_idx" ON "SettlementStatement"("hostOrgId", "status");

-- CreateIndex
CREATE INDEX "SettlementStatement_tenantOrgId_status_idx" ON "SettlementStatement"("tenantOrgId", "status");

-- CreateIndex
CREATE INDEX "SettlementStatement_status_autoAgreeAt_idx" ON "SettlementStatement"("status", "autoAgreeAt");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementStatement_dealId_month_key" ON "SettlementStatement"("dealId", "month");

-- CreateIndex
CREATE INDEX "StatementLine_statementId_position_idx" ON "StatementLine"("statementId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_statementId_key" ON "Payout"("statementId");

-- AddForeignKey
ALTER TABLE "DealAgreement" ADD CONSTRAINT "DealAgreement_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealMwChange" ADD CONSTRAINT "DealMwChange_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeterGrant" ADD CONSTRAINT "MeterGrant_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeterGrant" ADD CONSTRAINT "MeterGrant_partnerOrgId_fkey" FOREIGN KEY ("partnerOrgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurtailmentEvent" ADD CONSTRAINT "CurtailmentEvent_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoolStatementDay" ADD CONSTRAINT "PoolStatementDay_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementStatement" ADD CONSTRAINT "SettlementStatement_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "SettlementStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------
-- Meter readings: one partition per month, named MeterReading_YYYY_MM. Created ahead by the worker
-- (settlement-partitions job) and on demand by ingest_meter_readings for any month a batch touches.
-- There is no DEFAULT partition: moving rows out of one when a month is added would lock the table.
CREATE FUNCTION ensure_meter_partition(month_start date) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  first_day date := date_trunc('month', month_start)::date;
  part text := format('MeterReading_%s', to_char(first_day, 'YYYY_MM'));
BEGIN
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF "MeterReading" FOR VALUES FROM (%L) TO (%L)',
                 part, first_day, (first_day + interval '1 month')::date);
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION ensure_meter_partition(date) FROM PUBLIC;

-- What the ingest needs to validate a batch, for the host, the tenant or an active metering partner of
-- the deal (a partner cannot read the Deal row itself: price and terms are none of its business).
CREATE FUNCTION meter_deal_context(deal_id uuid) RETURNS TABLE (
  "role" text, "status" "DealStatus", "hostOrgId" uuid, "tenantOrgId" uuid, "startDate" date,
  "termMonths" integer, "activatedAt" timestamp(3), "endedAt" timestamp(3), "mw" numeric,
  "interconnectionMw" numeric, "mwChanges" jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT CASE WHEN d."hostOrgId" = app_current_org() THEN 'HOST'
              WHEN d."tenantOrgId" = app_current_org() THEN 'TENANT'
              ELSE 'PARTNER' END,
         d."status", d."hostOrgId", d."tenantOrgId", d."startDate", d."termMonths", d."activatedAt", d."endedAt",
         d."mw", s."energizedMw",
         COALESCE((SELECT jsonb_agg(jsonb_build_object('effectiveOn', c."effectiveOn", 'fromMw', c."fromMw", 'toMw', c."toMw")
                                    ORDER BY c."effectiveOn", c."createdAt")
                   FROM "DealMwChange" c WHERE c."dealId" = d."id"), '[]'::jsonb)
  FROM "Deal" d JOIN "Site" s ON s."id" = d."siteId"
  WHERE d."id" = deal_id
    AND app_current_org() IS NOT NULL
    AND (d."hostOrgId" = app_current_org() OR d."tenantOrgId" = app_current_org()
         OR EXISTS (SELECT 1 FROM "MeterGrant" g WHERE g."dealId" = d."id" AND g."partnerOrgId" = app_current_org()
                    AND g."revokedAt" IS NULL))
$$;
REVOKE ALL ON FUNCTION meter_deal_context(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meter_deal_context(uuid) TO gridshare_app;

-- The only way readings are written. The caller (app.current_org) must be the deal's host or an active
-- metering partner, and the deal ACTIVE or ENDED; the API has already refused invalid rows by name, this
-- checks who may write once per batch. Upserts the batch: a new interval is inserted, the same value again
-- changes nothing, a different value is a correction kept in MeterReadingRevision. Any change makes the
-- deal's statements that are not agreed yet stale (they are recomputed before issue or agreement).
CREATE FUNCTION ingest_meter_readings(deal_id uuid, channels "MeterChannel"[], starts timestamptz[],
                                      minutes smallint[], kwhs numeric[], actor text)
  RETURNS TABLE ("inserted" integer, "corrected" integer, "unchanged" integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  caller uuid := app_current_org();
  deal record;
  month_start date;
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
  FOR month_start IN SELECT DISTINCT date_trunc('month', s AT TIME ZONE 'UTC')::date FROM unnest(starts) AS s LOOP
    PERFORM ensure_meter_partition(month_start);
  END LOOP;

  WITH input AS (
    SELECT * FROM unnest(channels, starts, minutes, kwhs) AS i("channel", "intervalStart", "intervalMinutes", "kwh")
  ), changed AS (
    SELECT r."channel", r."intervalStart", r."kwh" AS old_kwh, i."kwh" AS new_kwh
    FROM input i JOIN "MeterReading" r
      ON r."dealId" = deal_id AND r."channel" = i."channel" AND r."intervalStart" = i."intervalStart"
    WHERE r."kwh" <> i."kwh"
  ), written AS (
    INSERT INTO "MeterReading" ("dealId", "channel", "intervalStart", "intervalMinutes", "kwh", "recordedByOrgId")
    SELECT deal_id, i."channel", i."intervalStart", i."intervalMinutes", i."kwh", caller FROM input i
    ON CONFLICT ("dealId", "channel", "intervalStart") DO UPDATE
      SET "kwh" = EXCLUDED."kwh", "revision" = "MeterReading"."revision" + 1,
          "recordedByOrgId" = EXCLUDED."recordedByOrgId", "recordedAt" = CURRENT_TIMESTAMP
      WHERE "MeterReading"."kwh" <> EXCLUDED."kwh"
    RETURNING 1
  ), revised AS (
    INSERT INTO "MeterReadingRevision" ("id", "dealId", "channel", "intervalStart", "oldKwh", "newKwh", "revisedByOrgId", "actor")
    SELECT gen_random_uuid(), deal_id, c."channel", c."intervalStart", c.old_kwh, c.new_kwh, caller, actor FROM changed c
    RETURNING 1
  )
  -- (xmax = 0 cannot tell inserts from updates on a partitioned table: `changed` counts the corrections.)
  SELECT (SELECT count(*) FROM written) - (SELECT count(*) FROM revised), (SELECT count(*) FROM revised)
  INTO n_inserted, n_corrected;

  IF n_inserted + n_corrected > 0 THEN
    UPDATE "SettlementStatement" SET "stale" = true, "updatedAt" = CURRENT_TIMESTAMP
    WHERE "dealId" = deal_id AND "status" IN ('DRAFT', 'ISSUED', 'DISPUTED') AND NOT "stale";
  END IF;
  RETURN QUERY SELECT n_inserted, n_corrected, cardinality(channels) - n_inserted - n_corrected;
END
$$;
REVOKE ALL ON FUNCTION ingest_meter_readings(uuid, "MeterChannel"[], timestamptz[], smallint[], numeric[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ingest_meter_readings(uuid, "MeterChannel"[], timestamptz[], smallint[], numeric[], text) TO gridshare_app;

-- Signing: when the second party signs the same scenario as the first, the deal is SIGNED and this
-- freezes what they signed. Once per deal; the trigger below refuses any change afterwards.
CREATE FUNCTION freeze_deal_agreement(deal_id uuid, scenario_id uuid, agreed_inputs jsonb, agreed_terms jsonb) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  deal record;
  signed text := COALESCE(scenario_id::text, 'DEFAULT');
BEGIN
  SELECT d.* INTO deal FROM "Deal" d WHERE d."id" = deal_id;
  IF deal IS NULL OR app_current_org() IS NULL OR app_current_org() NOT IN (deal."hostOrgId", deal."tenantOrgId") THEN
    RAISE EXCEPTION 'deal % is not a deal of this organisation', deal_id USING ERRCODE = '42501';
  END IF;
  IF deal."status" <> 'SIGNED' OR deal."hostSignedScenario" IS DISTINCT FROM signed OR deal."tenantSignedScenario" IS DISTINCT FROM signed THEN
    RAISE EXCEPTION 'deal % is not signed by both parties on scenario %', deal_id, signed USING ERRCODE = '55000';
  END IF;
  IF scenario_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "RevenueScenario" r WHERE r."id" = scenario_id AND r."dealId" = deal_id) THEN
    RAISE EXCEPTION 'scenario % is not a scenario of deal %', scenario_id, deal_id USING ERRCODE = '55000';
  END IF;
  INSERT INTO "DealAgreement" ("dealId", "hostOrgId", "tenantOrgId", "scenarioId", "inputs", "terms")
  VALUES (deal_id, deal."hostOrgId", deal."tenantOrgId", scenario_id, agreed_inputs, agreed_terms);
END
$$;
REVOKE ALL ON FUNCTION freeze_deal_agreement(uuid, uuid, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION freeze_deal_agreement(uuid, uuid, jsonb, jsonb) TO gridshare_app;

-- ---------------------------------------------------------------------------------------------------------
-- What was agreed never changes, whoever asks (the owner included). Deleting along with the deal (a
-- cascade, one trigger level down) stays possible.
CREATE FUNCTION refuse_agreement_change() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'the agreement of deal % was signed by both parties and cannot change', OLD."dealId" USING ERRCODE = '55000';
END
$$;
CREATE TRIGGER deal_agreement_frozen BEFORE UPDATE ON "DealAgreement" FOR EACH ROW EXECUTE FUNCTION refuse_agreement_change();

CREATE FUNCTION statement_is_agreed(status "StatementStatus") RETURNS boolean
  LANGUAGE sql IMMUTABLE
AS $$ SELECT status IN ('AGREED', 'INVOICED', 'PAID') $$;

-- An agreed statement keeps its amounts, summary and lines; only its billing progress moves on
-- (AGREED → INVOICED → PAID, with the Stripe invoice id and times).
CREATE FUNCTION guard_agreed_statement() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF statement_is_agreed(OLD."status") AND pg_trigger_depth() = 1 THEN
      RAISE EXCEPTION 'statement % is agreed and cannot be deleted', OLD."id" USING ERRCODE = '55000';
    END IF;
    RETURN OLD;
  END IF;
  IF statement_is_agreed(OLD."status") AND (
       NOT statement_is_agreed(NEW."status")
       OR (OLD."status" = 'PAID' AND NEW."status" <> 'PAID')
       OR (OLD."status" = 'INVOICED' AND NEW."status" = 'AGREED')
       OR (NEW."dealId", NEW."month", NEW."version", NEW."tenantTotalCents", NEW."platformFeeCents", NEW."hostPayoutCents",
           NEW."tenantCarryOutCents", NEW."feeCarryOutCents", NEW."summary", NEW."agreedAt", NEW."agreedBy")
          IS DISTINCT FROM
          (OLD."dealId", OLD."month", OLD."version", OLD."tenantTotalCents", OLD."platformFeeCents", OLD."hostPayoutCents",
           OLD."tenantCarryOutCents", OLD."feeCarryOutCents", OLD."summary", OLD."agreedAt", OLD."agreedBy")) THEN
    RAISE EXCEPTION 'statement % is agreed: its amounts never change (corrections go into a later statement)', OLD."id"
      USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER settlement_statement_agreed BEFORE UPDATE OR DELETE ON "SettlementStatement"
  FOR EACH ROW EXECUTE FUNCTION guard_agreed_statement();

CREATE FUNCTION guard_agreed_statement_line() RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  parent uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW."statementId" ELSE OLD."statementId" END;
BEGIN
  IF pg_trigger_depth() = 1 AND EXISTS (SELECT 1 FROM "SettlementStatement" s WHERE s."id" = parent AND statement_is_agreed(s."status")) THEN
    RAISE EXCEPTION 'statement % is agreed: its lines never change', parent USING ERRCODE = '55000';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER statement_line_agreed BEFORE INSERT OR UPDATE OR DELETE ON "StatementLine"
  FOR EACH ROW EXECUTE FUNCTION guard_agreed_statement_line();

-- ---------------------------------------------------------------------------------------------------------
-- Row-level security (the pattern of the row_level_security migration). Parties read; writes the parties
-- may make are narrowed to their own side and to columns that cannot move money; the rest is written on
-- the system path or by the SECURITY DEFINER functions above.
GRANT SELECT ON "DealAgreement", "DealMwChange", "MeterReading", "MeterReadingRevision", "MeterGrant",
  "CurtailmentEvent", "HashpriceIndexDay", "PoolStatementDay", "SettlementStatement", "StatementLine" TO gridshare_app;
GRANT INSERT ON "DealMwChange", "MeterGrant", "CurtailmentEvent", "PoolStatementDay" TO gridshare_app;
GRANT UPDATE ("revokedAt") ON "MeterGrant" TO gridshare_app;
GRANT UPDATE ("withdrawnAt", "disputedAt", "disputeReason", "disputedBy") ON "CurtailmentEvent" TO gridshare_app;
GRANT UPDATE ("hashrateThs", "earningsCents", "recordedByOrgId", "actor", "updatedAt") ON "PoolStatementDay" TO gridshare_app;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['DealAgreement', 'DealMwChange', 'MeterReading', 'MeterReadingRevision', 'MeterGrant',
                           'CurtailmentEvent', 'HashpriceIndexDay', 'PoolStatementDay', 'SettlementStatement', 'StatementLine']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY system_access ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
  -- Both parties read these; nobody else.
  FOREACH t IN ARRAY ARRAY['DealAgreement', 'DealMwChange', 'SettlementStatement', 'StatementLine', 'PoolStatementDay']
  LOOP
    EXECUTE format('CREATE POLICY party_read ON %I FOR SELECT TO gridshare_app USING ("hostOrgId" = app_current_org() OR "tenantOrgId" = app_current_org())', t);
  END LOOP;
END
$$;

-- A row names the deal's real parties: the deal itself (visible to its parties only) must agree.
CREATE FUNCTION is_deal_of(deal_id uuid, host uuid, tenant uuid) RETURNS boolean
  LANGUAGE sql STABLE
AS $$ SELECT EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = deal_id AND d."hostOrgId" = host AND d."tenantOrgId" = tenant) $$;
GRANT EXECUTE ON FUNCTION is_deal_of(uuid, uuid, uuid) TO gridshare_app;

CREATE FUNCTION is_meter_partner(deal_id uuid) RETURNS boolean
  LANGUAGE sql STABLE
AS $$ SELECT EXISTS (SELECT 1 FROM "MeterGrant" g WHERE g."dealId" = deal_id AND g."partnerOrgId" = app_current_org() AND g."revokedAt" IS NULL) $$;
GRANT EXECUTE ON FUNCTION is_meter_partner(uuid) TO gridshare_app;

-- Either party records an agreed change of MW (the one accepting it).
CREATE POLICY party_insert ON "DealMwChange" FOR INSERT TO gridshare_app
  WITH CHECK (("hostOrgId" = app_current_org() OR "tenantOrgId" = app_current_org()) AND is_deal_of("dealId", "hostOrgId", "tenantOrgId"));

-- Readings and their revisions: both parties and the deal's active metering partners. The IN-subqueries
-- are not correlated with the row, so PostgreSQL computes each once per query (a hashed subplan).
CREATE POLICY party_read ON "MeterReading" FOR SELECT TO gridshare_app
  USING ("dealId" IN (SELECT d."id" FROM "Deal" d)
         OR "dealId" IN (SELECT g."dealId" FROM "MeterGrant" g WHERE g."partnerOrgId" = app_current_org() AND g."revokedAt" IS NULL));
CREATE POLICY party_read ON "MeterReadingRevision" FOR SELECT TO gridshare_app
  USING ("dealId" IN (SELECT d."id" FROM "Deal" d)
         OR "dealId" IN (SELECT g."dealId" FROM "MeterGrant" g WHERE g."partnerOrgId" = app_current_org() AND g."revokedAt" IS NULL));

-- Grants: the host makes and revokes them on its own deals; the tenant and the partner see them.
CREATE POLICY party_read ON "MeterGrant" FOR SELECT TO gridshare_app
  USING ("hostOrgId" = app_current_org() OR "tenantOrgId" = app_current_org() OR "partnerOrgId" = app_current_org());
CREATE POLICY host_insert ON "MeterGrant" FOR INSERT TO gridshare_app
  WITH CHECK ("hostOrgId" = app_current_org() AND is_deal_of("dealId", "hostOrgId", "tenantOrgId"));
CREATE POLICY host_update ON "MeterGrant" FOR UPDATE TO gridshare_app
  USING ("hostOrgId" = app_current_org()) WITH CHECK ("hostOrgId" = app_current_org());

-- Events: recorded by the host or an active metering partner; withdrawn by them, disputed by the tenant
-- (only those columns are granted).
CREATE POLICY party_read ON "CurtailmentEvent" FOR SELECT TO gridshare_app
  USING ("hostOrgId" = app_current_org() OR "tenantOrgId" = app_current_org() OR is_meter_partner("dealId"));
CREATE POLICY recorder_insert ON "CurtailmentEvent" FOR INSERT TO gridshare_app
  WITH CHECK ("recordedByOrgId" = app_current_org()
              AND ("hostOrgId" = app_current_org() OR is_meter_partner("dealId"))
              AND EXISTS (SELECT 1 FROM meter_deal_context("dealId") m WHERE m."hostOrgId" = "hostOrgId" AND m."tenantOrgId" = "tenantOrgId"));
CREATE POLICY party_update ON "CurtailmentEvent" FOR UPDATE TO gridshare_app
  USING ("hostOrgId" = app_current_org() OR "tenantOrgId" = app_current_org() OR is_meter_partner("dealId"))
  WITH CHECK ("hostOrgId" = app_current_org() OR "tenantOrgId" = app_current_org() OR is_meter_partner("dealId"));

-- Pool statements: the host writes its own deals' days.
CREATE POLICY host_insert ON "PoolStatementDay" FOR INSERT TO gridshare_app
  WITH CHECK ("hostOrgId" = app_current_org() AND "recordedByOrgId" = app_current_org() AND is_deal_of("dealId", "hostOrgId", "tenantOrgId"));
CREATE POLICY host_update ON "PoolStatementDay" FOR UPDATE TO gridshare_app
  USING ("hostOrgId" = app_current_org()) WITH CHECK ("hostOrgId" = app_current_org() AND "recordedByOrgId" = app_current_org());

-- The hashprice index is public market data.
CREATE POLICY everyone_reads ON "HashpriceIndexDay" FOR SELECT TO gridshare_app USING (true);
