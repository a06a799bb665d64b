-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "siteId" UUID NOT NULL,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "constructionLiveDate" DATE,
ADD COLUMN     "readinessScore" DECIMAL(5,2);

-- CreateIndex
CREATE INDEX "CapacityBlock_siteId_status_availableFrom_idx" ON "CapacityBlock"("siteId", "status", "availableFrom");

-- CreateIndex
CREATE INDEX "Deal_siteId_status_idx" ON "Deal"("siteId", "status");

-- CreateIndex
CREATE INDEX "Deal_requestId_idx" ON "Deal"("requestId");

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------
-- Marketplace visibility (hand-written; the schema engine does not model policies, views or functions).
-- What one organisation may see of another's rows, beyond its own:
-- ---------------------------------------------------------------------------------------------------

-- The counterparty of a deal (proposal onwards) is no longer anonymous.
CREATE POLICY counterparty_read ON "Organization" FOR SELECT TO gridshare_app
  USING (EXISTS (
    SELECT 1 FROM "Deal" d
     WHERE (d."tenantOrgId" = "Organization"."id" AND d."hostOrgId" = app_current_org())
        OR (d."hostOrgId" = "Organization"."id" AND d."tenantOrgId" = app_current_org())));

-- A tenant sees the site (name, exact location) once a deal with it on that site is accepted.
CREATE POLICY accepted_deal_read ON "Site" FOR SELECT TO gridshare_app
  USING (EXISTS (
    SELECT 1 FROM "Deal" d
     WHERE d."siteId" = "Site"."id" AND d."tenantOrgId" = app_current_org()
       AND d."status" IN ('ACCEPTED', 'SIGNED', 'ACTIVE', 'ENDED')));

-- Hosts browse OPEN requests (the app shows the tenant anonymised) and keep seeing the ones they dealt on.
CREATE POLICY open_or_dealt_read ON "ColocationRequest" FOR SELECT TO gridshare_app
  USING ("status" = 'OPEN' OR EXISTS (
    SELECT 1 FROM "Deal" d WHERE d."requestId" = "ColocationRequest"."id" AND d."hostOrgId" = app_current_org()));

-- Both parties of a deal see the revenue scenarios saved against it.
CREATE POLICY deal_party_read ON "RevenueScenario" FOR SELECT TO gridshare_app
  USING ("dealId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = "RevenueScenario"."dealId"));

-- Published capacity of verified, active sites of active organisations, with the site's coarse
-- attributes only: no name, no exact coordinates, no host name. The view runs with its owner's rights
-- (the owner policy), so tenants search every host's listings without seeing any host's tables.
-- approxLatitude/approxLongitude (0.1°, about 11 km) serve the distance filter and are never returned by
-- the API: a filter on exact coordinates could be bisected into the exact location.
CREATE VIEW "MarketplaceListing" WITH (security_barrier = true) AS
SELECT b."id" AS "blockId", b."siteId", s."orgId" AS "hostOrgId", b."kind", b."mw", b."firmMw", b."interruptibleMw",
       b."availableFrom", b."priceCentsPerKwMonth", b."minTermMonths", b."publishedAt",
       s."country", s."region", s."gridOperator", s."energizedMw", s."interconnectionStatus", s."coolingType",
       s."redundancy", s."maxRackDensityKw", s."latencyToHubMs", s."nearestHub", s."renewableSharePct", s."pue",
       s."energyPriceCentsPerMwh", s."readinessScore",
       round(s."latitude"::numeric, 1)::float8 AS "approxLatitude", round(s."longitude"::numeric, 1)::float8 AS "approxLongitude"
  FROM "CapacityBlock" b
  JOIN "Site" s ON s."id" = b."siteId"
  JOIN "Organization" o ON o."id" = s."orgId"
 WHERE b."status" = 'PUBLISHED' AND s."status" = 'ACTIVE' AND s."verification" = 'VERIFIED' AND o."status" = 'ACTIVE';
GRANT SELECT ON "MarketplaceListing" TO gridshare_app;

-- Accepting a deal reserves its blocks, which belong to the host: the tenant's transaction cannot
-- update them under row-level security, so this function (running as its owner) does exactly that one
-- thing, for a deal the caller is the tenant of. Blocks already taken make it return fewer rows than
-- the deal has: the caller rolls back and answers CONFLICT (two tenants racing: one wins).
CREATE FUNCTION reserve_deal_blocks(deal_id uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  reserved integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Deal" WHERE "id" = deal_id AND "tenantOrgId" = app_current_org()) THEN
    RETURN 0;
  END IF;
  UPDATE "CapacityBlock" b SET "status" = 'RESERVED', "updatedAt" = now()
    FROM "DealBlock" db
   WHERE db."dealId" = deal_id AND b."id" = db."blockId" AND b."status" = 'PUBLISHED';
  GET DIAGNOSTICS reserved = ROW_COUNT;
  RETURN reserved;
END
$$;
REVOKE ALL ON FUNCTION reserve_deal_blocks(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reserve_deal_blocks(uuid) TO gridshare_app;
