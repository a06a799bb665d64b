-- CreateTable
CREATE TABLE "HostingOfferChange" (
    "id" BIGSERIAL NOT NULL,
    "siteId" UUID,
    "xid" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostingOfferChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HostingOfferChange_xid_idx" ON "HostingOfferChange"("xid");

-- CreateIndex
CREATE INDEX "HostingOfferChange_at_idx" ON "HostingOfferChange"("at");

-- ---------------------------------------------------------------------------------------------------
-- Hand-written: every statement that can change what the hosting market lists (an offer itself, its
-- site's status, verification, location or energy price, its organisation's status or verification)
-- records the sites whose offers it touched and its transaction id. Each API process keeps the listed
-- offers in memory for search and matching (docs/marketplace-search.md) and re-reads those sites,
-- exactly as for MarketplaceListingChange (migration listing_changes). Statement-level triggers: a bulk
-- write of 50,000 offers is one INSERT of change rows, not 50,000 trigger calls.
-- ---------------------------------------------------------------------------------------------------

-- A day of changes is kept (a process that has not read for longer reloads everything). SKIP LOCKED:
-- two writers never wait for each other over the same old rows.
CREATE FUNCTION prune_hosting_offer_changes() RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public
  AS $$
  DELETE FROM "HostingOfferChange" WHERE "id" IN (
    SELECT "id" FROM "HostingOfferChange" WHERE "at" < localtimestamp - interval '1 day' FOR UPDATE SKIP LOCKED);
$$;
REVOKE ALL ON FUNCTION prune_hosting_offer_changes() FROM PUBLIC;

CREATE FUNCTION record_hosting_offer_changes(site_ids uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF cardinality(site_ids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "HostingOfferChange" ("siteId", "xid")
    SELECT DISTINCT id, pg_current_xact_id()::text::bigint FROM unnest(site_ids) AS id WHERE id IS NOT NULL;
  PERFORM prune_hosting_offer_changes();
END
$$;
REVOKE ALL ON FUNCTION record_hosting_offer_changes(uuid[]) FROM PUBLIC;

-- One function for the three events: PL/pgSQL plans a statement when it first runs, so the branch that
-- names a transition table the event lacks is never planned.
CREATE FUNCTION hosting_offer_rows_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM record_hosting_offer_changes(ARRAY(SELECT DISTINCT "siteId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM record_hosting_offer_changes(ARRAY(SELECT DISTINCT "siteId" FROM old_rows));
  ELSE
    PERFORM record_hosting_offer_changes(ARRAY(SELECT "siteId" FROM new_rows UNION SELECT "siteId" FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER hosting_offer_inserted AFTER INSERT ON "HostingOffer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hosting_offer_rows_changed();
CREATE TRIGGER hosting_offer_updated AFTER UPDATE ON "HostingOffer"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hosting_offer_rows_changed();
CREATE TRIGGER hosting_offer_deleted AFTER DELETE ON "HostingOffer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hosting_offer_rows_changed();

-- Sites: only the columns the hosting market reads, and only sites that have offers (most site writes are
-- the capacity market's).
CREATE FUNCTION hosting_offer_sites_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  PERFORM record_hosting_offer_changes(ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
     WHERE (n."status", n."verification", n."country", n."region", n."gridOperator", n."energyPriceCentsPerMwh")
           IS DISTINCT FROM (o."status", o."verification", o."country", o."region", o."gridOperator", o."energyPriceCentsPerMwh")
       AND EXISTS (SELECT 1 FROM "HostingOffer" h WHERE h."siteId" = n."id")));
  RETURN NULL;
END
$$;

CREATE TRIGGER hosting_offer_site_updated AFTER UPDATE ON "Site"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hosting_offer_sites_changed();

-- Organisations: their status and verification decide whether (and how) their offers are listed.
CREATE FUNCTION hosting_offer_orgs_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  PERFORM record_hosting_offer_changes(ARRAY(
    SELECT DISTINCT h."siteId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "HostingOffer" h ON h."orgId" = n."id"
     WHERE (n."status", n."verification") IS DISTINCT FROM (o."status", o."verification")));
  RETURN NULL;
END
$$;

CREATE TRIGGER hosting_offer_org_updated AFTER UPDATE ON "Organization"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hosting_offer_orgs_changed();
