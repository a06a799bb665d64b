-- The database as the second wall, for what the application already refuses (issue 14, item 10;
-- docs/security.md). Each is proven as gridshare_app in apps/api/src/tenancy/runtime-role.int.test.ts.

-- People are not tenant data, but the runtime role needs only the members of the organisation in scope
-- (the members list) and never a password hash. With no organisation set it sees nobody: Membership is
-- itself filtered to the organisation in scope. Sign-in and sessions read User on the system path.
REVOKE SELECT ON "User" FROM gridshare_app;
GRANT SELECT ("id", "email", "name", "createdAt", "updatedAt") ON "User" TO gridshare_app;
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "User" FORCE ROW LEVEL SECURITY;
CREATE POLICY member_read ON "User" FOR SELECT TO gridshare_app
  USING (EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = "User"."id"));

-- A revenue scenario names a deal of the caller's only (Deal shows the runtime role the caller's deals
-- alone) and a site the caller owns: its orgId alone was checked before. RESTRICTIVE: on top of
-- tenant_isolation, not instead of it.
CREATE POLICY subject_of_caller_insert ON "RevenueScenario" AS RESTRICTIVE FOR INSERT TO gridshare_app
  WITH CHECK (("RevenueScenario"."dealId" IS NULL OR EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = "RevenueScenario"."dealId"))
          AND ("RevenueScenario"."siteId" IS NULL OR EXISTS (
                SELECT 1 FROM "Site" s WHERE s."id" = "RevenueScenario"."siteId" AND s."orgId" = app_current_org())));
CREATE POLICY subject_of_caller_update ON "RevenueScenario" AS RESTRICTIVE FOR UPDATE TO gridshare_app
  USING (true)
  WITH CHECK (("RevenueScenario"."dealId" IS NULL OR EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = "RevenueScenario"."dealId"))
          AND ("RevenueScenario"."siteId" IS NULL OR EXISTS (
                SELECT 1 FROM "Site" s WHERE s."id" = "RevenueScenario"."siteId" AND s."orgId" = app_current_org())));

-- The listing is public to every organisation except for who hosts it: the runtime role reads every
-- column but hostOrgId (matching and search read that on the system path, to leave the caller's own out).
REVOKE SELECT ON "MarketplaceListing" FROM gridshare_app;
GRANT SELECT ("blockId", "siteId", "kind", "mw", "firmMw", "interruptibleMw", "availableFrom", "priceCentsPerKwMonth",
              "minTermMonths", "publishedAt", "country", "region", "gridOperator", "energizedMw", "interconnectionStatus",
              "coolingType", "redundancy", "maxRackDensityKw", "latencyToHubMs", "nearestHub", "renewableSharePct", "pue",
              "energyPriceCentsPerMwh", "readinessScore", "approxLatitude", "approxLongitude", "siteListedMw", "siteHead")
  ON "MarketplaceListing" TO gridshare_app;

DO $$
BEGIN
  EXECUTE format('CREATE POLICY system_access ON "User" TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
