-- CreateEnum
CREATE TYPE "HostingPricingKind" AS ENUM ('ALL_IN', 'PASS_THROUGH');

-- CreateEnum
CREATE TYPE "HostingInterruptibility" AS ENUM ('FIRM', 'INTERRUPTIBLE');

-- CreateEnum
CREATE TYPE "HostingPreemptor" AS ENUM ('AI_LOAD', 'GRID', 'PRICE');

-- CreateEnum
CREATE TYPE "HostingCooling" AS ENUM ('AIR', 'IMMERSION', 'HYDRO');

-- CreateEnum
CREATE TYPE "HostingService" AS ENUM ('FULL_HOSTING', 'RACK_SPACE');

-- CreateEnum
CREATE TYPE "HostingOfferStatus" AS ENUM ('DRAFT', 'LISTED', 'WITHDRAWN', 'CONTRACTED');

-- CreateEnum
CREATE TYPE "HostingOutageKind" AS ENUM ('CURTAILMENT', 'DOWNTIME');

-- CreateTable
CREATE TABLE "HostingOffer" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "mw" DECIMAL(10,3) NOT NULL,
    "availableFrom" DATE NOT NULL,
    "pricingKind" "HostingPricingKind" NOT NULL,
    "rateCentsPerMwh" INTEGER,
    "feeCentsPerKwMonth" INTEGER,
    "interruptibility" "HostingInterruptibility" NOT NULL,
    "noticeSeconds" INTEGER NOT NULL DEFAULT 0,
    "maxCurtailedHoursPerMonth" INTEGER NOT NULL DEFAULT 0,
    "preemptors" "HostingPreemptor"[],
    "uptimeCommitmentPct" DECIMAL(5,2) NOT NULL,
    "maxJPerTh" DECIMAL(6,2),
    "coolings" "HostingCooling"[],
    "service" "HostingService" NOT NULL,
    "depositMonths" INTEGER NOT NULL DEFAULT 0,
    "minTermMonths" INTEGER NOT NULL,
    "aiLoad" JSONB,
    "status" "HostingOfferStatus" NOT NULL DEFAULT 'DRAFT',
    "listedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostingOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostingRequest" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "fleet" JSONB NOT NULL,
    "fleetMw" DECIMAL(10,3) NOT NULL,
    "fleetJPerTh" DECIMAL(8,3) NOT NULL,
    "worstJPerTh" DECIMAL(8,3) NOT NULL,
    "coolings" "HostingCooling"[],
    "maxRateCentsPerMwh" INTEGER NOT NULL,
    "uptimeNeededPct" DECIMAL(5,2) NOT NULL,
    "curtailmentToleratedHoursPerMonth" INTEGER NOT NULL,
    "regions" TEXT[],
    "startDate" DATE NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "service" "HostingService",
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostingDeal" (
    "id" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "fleetOrgId" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "status" "DealStatus" NOT NULL DEFAULT 'PROPOSED',
    "mw" DECIMAL(10,3) NOT NULL,
    "startDate" DATE NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "terms" JSONB NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "rejectedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "hostSignedAt" TIMESTAMP(3),
    "fleetSignedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostingDeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostingMeterReading" (
    "dealId" UUID NOT NULL,
    "intervalStart" TIMESTAMPTZ(3) NOT NULL,
    "intervalMinutes" SMALLINT NOT NULL,
    "kwh" DECIMAL(14,3) NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "fleetOrgId" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostingMeterReading_pkey" PRIMARY KEY ("dealId","intervalStart")
);

-- CreateTable
CREATE TABLE "HostingOutage" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "fleetOrgId" UUID NOT NULL,
    "kind" "HostingOutageKind" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostingOutage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostingStatement" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "fleetOrgId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "status" "StatementStatus" NOT NULL DEFAULT 'DRAFT',
    "meteredKwh" DECIMAL(16,3) NOT NULL,
    "tenantTotalCents" BIGINT NOT NULL,
    "platformFeeCents" BIGINT NOT NULL,
    "hostPayoutCents" BIGINT NOT NULL,
    "tenantCarryOutCents" BIGINT NOT NULL DEFAULT 0,
    "lines" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3),
    "agreedAt" TIMESTAMP(3),
    "disputedAt" TIMESTAMP(3),
    "disputeReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostingStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HostingOffer_orgId_createdAt_id_idx" ON "HostingOffer"("orgId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "HostingOffer_status_rateCentsPerMwh_idx" ON "HostingOffer"("status", "rateCentsPerMwh");

-- CreateIndex
CREATE INDEX "HostingOffer_siteId_idx" ON "HostingOffer"("siteId");

-- CreateIndex
CREATE INDEX "HostingRequest_orgId_createdAt_id_idx" ON "HostingRequest"("orgId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "HostingRequest_status_startDate_idx" ON "HostingRequest"("status", "startDate");

-- CreateIndex
CREATE INDEX "HostingDeal_hostOrgId_status_idx" ON "HostingDeal"("hostOrgId", "status");

-- CreateIndex
CREATE INDEX "HostingDeal_fleetOrgId_status_idx" ON "HostingDeal"("fleetOrgId", "status");

-- CreateIndex
CREATE INDEX "HostingDeal_offerId_idx" ON "HostingDeal"("offerId");

-- CreateIndex
CREATE INDEX "HostingDeal_requestId_idx" ON "HostingDeal"("requestId");

-- CreateIndex
CREATE INDEX "HostingOutage_dealId_startsAt_idx" ON "HostingOutage"("dealId", "startsAt");

-- CreateIndex
CREATE INDEX "HostingStatement_hostOrgId_status_idx" ON "HostingStatement"("hostOrgId", "status");

-- CreateIndex
CREATE INDEX "HostingStatement_fleetOrgId_status_idx" ON "HostingStatement"("fleetOrgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "HostingStatement_dealId_month_key" ON "HostingStatement"("dealId", "month");

-- AddForeignKey
ALTER TABLE "HostingOffer" ADD CONSTRAINT "HostingOffer_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostingOffer" ADD CONSTRAINT "HostingOffer_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostingRequest" ADD CONSTRAINT "HostingRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostingDeal" ADD CONSTRAINT "HostingDeal_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "HostingOffer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostingDeal" ADD CONSTRAINT "HostingDeal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HostingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostingMeterReading" ADD CONSTRAINT "HostingMeterReading_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "HostingDeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostingOutage" ADD CONSTRAINT "HostingOutage_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "HostingDeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostingStatement" ADD CONSTRAINT "HostingStatement_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "HostingDeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------
-- Row-level security for mining hosting (the pattern of the row_level_security and settlement migrations).
GRANT SELECT, INSERT, UPDATE, DELETE ON "HostingOffer", "HostingRequest" TO gridshare_app;
GRANT SELECT, INSERT ON "HostingDeal", "HostingMeterReading", "HostingOutage", "HostingStatement" TO gridshare_app;
-- A deal's parties move it; its terms, parties and MW are fixed at the proposal.
GRANT UPDATE ("status", "acceptedAt", "rejectedAt", "withdrawnAt", "hostSignedAt", "fleetSignedAt", "activatedAt", "endedAt", "updatedAt")
  ON "HostingDeal" TO gridshare_app;
GRANT UPDATE ("kwh", "intervalMinutes", "recordedAt") ON "HostingMeterReading" TO gridshare_app;
GRANT UPDATE ("status", "meteredKwh", "tenantTotalCents", "platformFeeCents", "hostPayoutCents", "tenantCarryOutCents", "lines",
              "inputs", "computedAt", "issuedAt", "agreedAt", "disputedAt", "disputeReason", "updatedAt")
  ON "HostingStatement" TO gridshare_app;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['HostingOffer', 'HostingRequest', 'HostingDeal', 'HostingMeterReading', 'HostingOutage', 'HostingStatement']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY system_access ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['HostingOffer', 'HostingRequest']
  LOOP
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO gridshare_app USING ("orgId" = app_current_org()) WITH CHECK ("orgId" = app_current_org())', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['HostingDeal', 'HostingMeterReading', 'HostingOutage', 'HostingStatement']
  LOOP
    EXECUTE format('CREATE POLICY party_read ON %I FOR SELECT TO gridshare_app USING ("hostOrgId" = app_current_org() OR "fleetOrgId" = app_current_org())', t);
  END LOOP;
END
$$;

-- The row names the hosting deal's real parties.
CREATE FUNCTION is_hosting_deal_of(deal_id uuid, host uuid, fleet uuid) RETURNS boolean
  LANGUAGE sql STABLE
AS $$ SELECT EXISTS (SELECT 1 FROM "HostingDeal" d WHERE d."id" = deal_id AND d."hostOrgId" = host AND d."fleetOrgId" = fleet) $$;
GRANT EXECUTE ON FUNCTION is_hosting_deal_of(uuid, uuid, uuid) TO gridshare_app;

-- Only a host proposes, PROPOSED, on its own offer (the request's OPEN state is checked on the system path).
CREATE POLICY host_proposes ON "HostingDeal" FOR INSERT TO gridshare_app
  WITH CHECK ("hostOrgId" = app_current_org() AND "status" = 'PROPOSED'
              AND EXISTS (SELECT 1 FROM "HostingOffer" o WHERE o."id" = "HostingDeal"."offerId" AND o."orgId" = app_current_org()
                          AND o."siteId" = "HostingDeal"."siteId"));
CREATE POLICY party_update ON "HostingDeal" FOR UPDATE TO gridshare_app
  USING ("hostOrgId" = app_current_org() OR "fleetOrgId" = app_current_org());

-- The host records the fleet's readings, outages and computes statements; the fleet agrees or disputes.
CREATE POLICY host_insert ON "HostingMeterReading" FOR INSERT TO gridshare_app
  WITH CHECK ("hostOrgId" = app_current_org() AND is_hosting_deal_of("dealId", "hostOrgId", "fleetOrgId"));
CREATE POLICY host_update ON "HostingMeterReading" FOR UPDATE TO gridshare_app USING ("hostOrgId" = app_current_org());
CREATE POLICY host_insert ON "HostingOutage" FOR INSERT TO gridshare_app
  WITH CHECK ("hostOrgId" = app_current_org() AND is_hosting_deal_of("dealId", "hostOrgId", "fleetOrgId"));
CREATE POLICY host_insert ON "HostingStatement" FOR INSERT TO gridshare_app
  WITH CHECK ("hostOrgId" = app_current_org() AND is_hosting_deal_of("dealId", "hostOrgId", "fleetOrgId"));
CREATE POLICY party_update ON "HostingStatement" FOR UPDATE TO gridshare_app
  USING ("hostOrgId" = app_current_org() OR "fleetOrgId" = app_current_org());

-- An agreed statement never changes: its amounts and lines are refused to everyone, the owner included.
-- Before that, only the host (who computes them) may change them: the fleet moves the status only.
CREATE FUNCTION guard_agreed_hosting_statement() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF (NEW."tenantTotalCents", NEW."platformFeeCents", NEW."hostPayoutCents", NEW."tenantCarryOutCents", NEW."lines", NEW."meteredKwh")
     IS DISTINCT FROM (OLD."tenantTotalCents", OLD."platformFeeCents", OLD."hostPayoutCents", OLD."tenantCarryOutCents", OLD."lines", OLD."meteredKwh") THEN
    IF OLD."status" IN ('AGREED', 'INVOICED', 'PAID') THEN
      RAISE EXCEPTION 'hosting statement % is %: its amounts and lines never change', OLD."id", OLD."status";
    END IF;
    IF app_current_org() IS NOT NULL AND app_current_org() IS DISTINCT FROM OLD."hostOrgId" THEN
      RAISE EXCEPTION 'only the host computes hosting statement %', OLD."id" USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER hosting_statement_agreed_guard BEFORE UPDATE ON "HostingStatement"
  FOR EACH ROW EXECUTE FUNCTION guard_agreed_hosting_statement();

-- The fleet sees the site (name, exact location) once it has accepted a hosting deal on it.
CREATE POLICY accepted_hosting_deal_read ON "Site" FOR SELECT TO gridshare_app
  USING (EXISTS (
    SELECT 1 FROM "HostingDeal" d
     WHERE d."siteId" = "Site"."id" AND d."fleetOrgId" = app_current_org()
       AND d."status" IN ('ACCEPTED', 'SIGNED', 'ACTIVE', 'ENDED')));

-- The fleet accepting a proposal takes the offer off the market (the offer is the host's row, which the
-- fleet cannot write): only the fleet of that PROPOSED deal, and only while the offer is LISTED, so two
-- fleets accepting at once cannot both have it.
CREATE FUNCTION reserve_hosting_offer(deal_id uuid) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  offer_id uuid;
BEGIN
  SELECT d."offerId" INTO offer_id FROM "HostingDeal" d
   WHERE d."id" = deal_id AND d."fleetOrgId" = app_current_org() AND d."status" = 'PROPOSED';
  IF offer_id IS NULL THEN RETURN false; END IF;
  UPDATE "HostingOffer" SET "status" = 'CONTRACTED', "updatedAt" = now() WHERE "id" = offer_id AND "status" = 'LISTED';
  RETURN FOUND;
END
$$;
REVOKE ALL ON FUNCTION reserve_hosting_offer(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reserve_hosting_offer(uuid) TO gridshare_app;
