-- runMatching counts, for every listed site (one "site head" row each), which constraint excludes it
-- first: location, latency, redundancy, cooling, rack density. This partial index holds exactly those
-- columns for the site heads, so the count reads ~1,000 index pages by an index-only scan instead of the
-- ~5,700 heap pages of every block row (100k sites: 178 → 62 ms under load; docs/performance.md).
-- Prisma's schema cannot express a partial index; the schema engine keeps ones made by hand.
CREATE INDEX "MarketplaceListing_site_heads_matching_idx" ON "MarketplaceListing"
  ("gridOperator", "country", "region", "redundancy", "coolingType", "maxRackDensityKw", "latencyToHubMs", "hostOrgId")
  WHERE "siteHead";
