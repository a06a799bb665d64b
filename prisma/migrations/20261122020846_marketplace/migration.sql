-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "siteId" UUID NOT NULL,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "constructionLiveDate" DATE,
ADD COLUMN     "readinessScore" DECIMAL(5,2);

-- CreateTable
CREATE TABLE "MarketplaceListing" (
    "blockId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "kind" "CapacityKind" NOT NULL,
    "mw" DECIMAL(10,3) NOT NULL,
    "firmMw" DECIMAL(10,3) NOT NULL,
    "interruptibleMw" DECIMAL(10,3) NOT NULL,
    "availableFrom" DATE NOT NULL,
    "priceCentsPerKwMonth" INTEGER NOT NULL,
    "minTermMonths" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "gridOperator" TEXT NOT NULL,
    "energizedMw" DECIMAL(10,3) NOT NULL,
    "interconnectionStatus" "InterconnectionStatus" NOT NULL,
    "coolingType" "CoolingType" NOT NULL,
    "redundancy" "Redundancy" NOT NULL,
    "maxRackDensityKw" INTEGER NOT NULL,
    "latencyToHubMs" DECIMAL(6,2),
    "nearestHub" TEXT,
    "renewableSharePct" INTEGER NOT NULL,
    "pue" DECIMAL(4,3) NOT NULL,
    "energyPriceCentsPerMwh" INTEGER NOT NULL,
    "readinessScore" DECIMAL(5,2) NOT NULL,
    "approxLatitude" DOUBLE PRECISION NOT NULL,
    "approxLongitude" DOUBLE PRECISION NOT NULL,
    "siteListedMw" DECIMAL(12,3) NOT NULL,
    "siteHead" BOOLEAN NOT NULL,

    CONSTRAINT "MarketplaceListing_pkey" PRIMARY KEY ("blockId")
);

-- CreateIndex
CREATE INDEX "MarketplaceListing_siteId_idx" ON "MarketplaceListing"("siteId");

-- CreateIndex
CREATE INDEX "MarketplaceListing_siteListedMw_idx" ON "MarketplaceListing"("siteListedMw");

-- CreateIndex
CREATE INDEX "MarketplaceListing_priceCentsPerKwMonth_blockId_idx" ON "MarketplaceListing"("priceCentsPerKwMonth", "blockId");

-- CreateIndex
CREATE INDEX "MarketplaceListing_availableFrom_blockId_idx" ON "MarketplaceListing"("availableFrom", "blockId");

-- CreateIndex
CREATE INDEX "MarketplaceListing_mw_blockId_idx" ON "MarketplaceListing"("mw" DESC, "blockId");

-- CreateIndex
CREATE INDEX "MarketplaceListing_readinessScore_blockId_idx" ON "MarketplaceListing"("readinessScore" DESC, "blockId");

-- CreateIndex
CREATE INDEX "MarketplaceListing_gridOperator_priceCentsPerKwMonth_idx" ON "MarketplaceListing"("gridOperator", "priceCentsPerKwMonth");

-- CreateIndex
CREATE INDEX "MarketplaceListing_country_region_idx" ON "MarketplaceListing"("country", "region");

-- CreateIndex
CREATE INDEX "MarketplaceListing_approxLatitude_approxLongitude_idx" ON "MarketplaceListing"("approxLatitude", "approxLongitude");

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

-- OPEN requests of active tenants. It runs with its owner's rights, so the policy below can check a
-- tenant's status, which the host itself cannot read.
CREATE VIEW "OpenRequestListing" WITH (security_barrier = true) AS
SELECT r."id", r."orgId", r."createdAt"
  FROM "ColocationRequest" r
  JOIN "Organization" o ON o."id" = r."orgId"
 WHERE r."status" = 'OPEN' AND o."status" = 'ACTIVE';
GRANT SELECT ON "OpenRequestListing" TO gridshare_app;

-- Hosts browse OPEN requests of active tenants (the app shows the tenant anonymised) and keep seeing the
-- ones they dealt on.
CREATE POLICY open_or_dealt_read ON "ColocationRequest" FOR SELECT TO gridshare_app
  USING (EXISTS (SELECT 1 FROM "OpenRequestListing" v WHERE v."id" = "ColocationRequest"."id")
      OR EXISTS (SELECT 1 FROM "Deal" d WHERE d."requestId" = "ColocationRequest"."id" AND d."hostOrgId" = app_current_org()));

-- Both parties of a deal see the revenue scenarios saved against it.
CREATE POLICY deal_party_read ON "RevenueScenario" FOR SELECT TO gridshare_app
  USING ("dealId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = "RevenueScenario"."dealId"));

-- MarketplaceListing (the table is in schema.prisma) is kept in step with its sources here: whenever a
-- block, a site or an organisation's status changes, the affected sites' rows are recomputed.
-- What is listed, and how coarsely, is defined once, by this view (not granted to tenants; they read the
-- MarketplaceListing table).
CREATE VIEW "MarketplaceListingSource" AS
SELECT b."id" AS "blockId", b."siteId", s."orgId" AS "hostOrgId", b."kind", b."mw", b."firmMw", b."interruptibleMw",
       b."availableFrom", b."priceCentsPerKwMonth", b."minTermMonths", b."publishedAt",
       s."country", s."region", s."gridOperator", s."energizedMw", s."interconnectionStatus", s."coolingType",
       s."redundancy", s."maxRackDensityKw", s."latencyToHubMs", s."nearestHub", s."renewableSharePct", s."pue",
       s."energyPriceCentsPerMwh", coalesce(s."readinessScore", -1) AS "readinessScore",
       round(s."latitude"::numeric, 1)::float8 AS "approxLatitude", round(s."longitude"::numeric, 1)::float8 AS "approxLongitude",
       sum(b."mw") OVER (PARTITION BY b."siteId") AS "siteListedMw",
       row_number() OVER (PARTITION BY b."siteId" ORDER BY b."id") = 1 AS "siteHead"
  FROM "CapacityBlock" b
  JOIN "Site" s ON s."id" = b."siteId"
  JOIN "Organization" o ON o."id" = s."orgId"
 WHERE b."status" = 'PUBLISHED' AND s."status" = 'ACTIVE' AND s."verification" = 'VERIFIED' AND o."status" = 'ACTIVE';

CREATE FUNCTION refresh_marketplace_listing(site_ids uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  -- IN (unnest) rather than = ANY: a bulk change passes thousands of ids, and ANY would compare each
  -- row with every one of them.
  DELETE FROM "MarketplaceListing" WHERE "siteId" IN (SELECT unnest(site_ids));
  INSERT INTO "MarketplaceListing" SELECT * FROM "MarketplaceListingSource" WHERE "siteId" IN (SELECT unnest(site_ids));
END
$$;

-- Recomputes every row (after a bulk load with the triggers off, or to repair): ~8 s per 200,000 blocks.
CREATE FUNCTION rebuild_marketplace_listing() RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  listed bigint;
BEGIN
  DELETE FROM "MarketplaceListing";
  INSERT INTO "MarketplaceListing" SELECT * FROM "MarketplaceListingSource";
  GET DIAGNOSTICS listed = ROW_COUNT;
  RETURN listed;
END
$$;

-- Statement-level triggers with transition tables: a bulk change refreshes each site once.
CREATE FUNCTION refresh_listing_from_blocks() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_marketplace_listing(ARRAY(SELECT DISTINCT "siteId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_marketplace_listing(ARRAY(SELECT DISTINCT "siteId" FROM old_rows));
  ELSE
    PERFORM refresh_marketplace_listing(ARRAY(SELECT "siteId" FROM new_rows UNION SELECT "siteId" FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER listing_block_insert AFTER INSERT ON "CapacityBlock"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_listing_from_blocks();
CREATE TRIGGER listing_block_update AFTER UPDATE ON "CapacityBlock"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_listing_from_blocks();
CREATE TRIGGER listing_block_delete AFTER DELETE ON "CapacityBlock"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_listing_from_blocks();

CREATE FUNCTION refresh_listing_from_sites() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  PERFORM refresh_marketplace_listing(ARRAY(SELECT "id" FROM new_rows));
  RETURN NULL;
END
$$;
CREATE TRIGGER listing_site_update AFTER UPDATE ON "Site"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_listing_from_sites();

CREATE FUNCTION refresh_listing_from_organizations() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  PERFORM refresh_marketplace_listing(ARRAY(SELECT s."id" FROM "Site" s JOIN new_rows o ON o."id" = s."orgId"));
  RETURN NULL;
END
$$;
CREATE TRIGGER listing_organization_update AFTER UPDATE ON "Organization"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_listing_from_organizations();

REVOKE ALL ON FUNCTION refresh_marketplace_listing(uuid[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION rebuild_marketplace_listing() FROM PUBLIC;
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
  -- Lock in id order: two deals overlapping in different orders must queue, not deadlock.
  PERFORM 1 FROM "CapacityBlock" b JOIN "DealBlock" db ON db."blockId" = b."id"
    WHERE db."dealId" = deal_id ORDER BY b."id" FOR UPDATE OF b;
  UPDATE "CapacityBlock" b SET "status" = 'RESERVED', "updatedAt" = now()
    FROM "DealBlock" db
   WHERE db."dealId" = deal_id AND b."id" = db."blockId" AND b."status" = 'PUBLISHED';
  GET DIAGNOSTICS reserved = ROW_COUNT;
  RETURN reserved;
END
$$;
REVOKE ALL ON FUNCTION reserve_deal_blocks(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reserve_deal_blocks(uuid) TO gridshare_app;

-- Ending a deal hands its leased blocks back to the host as drafts, whichever party ends it (the tenant
-- cannot update the host's blocks under row-level security).
CREATE FUNCTION release_deal_blocks(deal_id uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  released integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Deal" WHERE "id" = deal_id AND "status" = 'ENDED'
                  AND app_current_org() IN ("tenantOrgId", "hostOrgId")) THEN
    RETURN 0;
  END IF;
  UPDATE "CapacityBlock" b SET "status" = 'DRAFT', "updatedAt" = now()
    FROM "DealBlock" db
   WHERE db."dealId" = deal_id AND b."id" = db."blockId" AND b."status" = 'LEASED';
  GET DIAGNOSTICS released = ROW_COUNT;
  RETURN released;
END
$$;
REVOKE ALL ON FUNCTION release_deal_blocks(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION release_deal_blocks(uuid) TO gridshare_app;

