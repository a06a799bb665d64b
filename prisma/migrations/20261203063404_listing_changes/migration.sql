-- CreateTable
CREATE TABLE "MarketplaceListingChange" (
    "id" BIGSERIAL NOT NULL,
    "siteId" UUID,
    "xid" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarketplaceListingChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MarketplaceListingChange_xid_idx" ON "MarketplaceListingChange"("xid");

-- CreateIndex
CREATE INDEX "MarketplaceListingChange_at_idx" ON "MarketplaceListingChange"("at");

-- ---------------------------------------------------------------------------------------------------
-- Hand-written: every recomputation of listing rows records which sites it touched and in which
-- transaction. An API process keeps the listing in memory for search (docs/marketplace-search.md) and,
-- when told something was written, re-reads only the sites changed by transactions at or after the
-- oldest one still running when it last read (pg_snapshot_xmin): nothing committed is missed, whatever
-- order transactions commit in.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION refresh_marketplace_listing(site_ids uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  -- IN (unnest) rather than = ANY: a bulk change passes thousands of ids, and ANY would compare each
  -- row with every one of them.
  DELETE FROM "MarketplaceListing" WHERE "siteId" IN (SELECT unnest(site_ids));
  INSERT INTO "MarketplaceListing" SELECT * FROM "MarketplaceListingSource" WHERE "siteId" IN (SELECT unnest(site_ids));
  INSERT INTO "MarketplaceListingChange" ("siteId", "xid")
    SELECT DISTINCT id, pg_current_xact_id()::text::bigint FROM unnest(site_ids) AS id;
  PERFORM prune_marketplace_listing_changes();
END
$$;

CREATE OR REPLACE FUNCTION rebuild_marketplace_listing() RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  listed bigint;
BEGIN
  DELETE FROM "MarketplaceListing";
  INSERT INTO "MarketplaceListing" SELECT * FROM "MarketplaceListingSource";
  GET DIAGNOSTICS listed = ROW_COUNT;
  INSERT INTO "MarketplaceListingChange" ("siteId", "xid") VALUES (NULL, pg_current_xact_id()::text::bigint);
  PERFORM prune_marketplace_listing_changes();
  RETURN listed;
END
$$;

-- A day of changes is kept (a process that has not read for longer reloads everything). SKIP LOCKED:
-- two writers never wait for each other over the same old rows.
CREATE FUNCTION prune_marketplace_listing_changes() RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public
  AS $$
  DELETE FROM "MarketplaceListingChange" WHERE "id" IN (
    SELECT "id" FROM "MarketplaceListingChange" WHERE "at" < localtimestamp - interval '1 day' FOR UPDATE SKIP LOCKED);
$$;
REVOKE ALL ON FUNCTION prune_marketplace_listing_changes() FROM PUBLIC;
