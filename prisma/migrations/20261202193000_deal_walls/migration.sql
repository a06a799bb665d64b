-- Deals as the second wall (issue 14, items 1 and 10; docs/security.md). Each is proven as gridshare_app in
-- apps/api/src/tenancy/runtime-role.int.test.ts and apps/api/src/modules/deals/deal-privacy.int.test.ts.

-- Who the tenant is: the host may read the tenant's Organization row only once the tenant has acted on a
-- deal between them (accepted it). A proposal, withdrawn or rejected as well, names nobody. The tenant
-- reads its host's row from the proposal on, as before.
DROP POLICY counterparty_read ON "Organization";
CREATE POLICY counterparty_read ON "Organization" FOR SELECT TO gridshare_app
  USING (EXISTS (
    SELECT 1 FROM "Deal" d
     WHERE (d."tenantOrgId" = "Organization"."id" AND d."hostOrgId" = app_current_org()
            AND d."status" IN ('ACCEPTED', 'SIGNED', 'ACTIVE', 'ENDED'))
        OR (d."hostOrgId" = "Organization"."id" AND d."tenantOrgId" = app_current_org())));

-- A deal's parties may change only what the application's own moves write (deals.service.ts, deal-resize,
-- deal signing, billing's subscription id): never its price, fee, shares, terms or parties. Column
-- privileges: updating any other column is refused whoever asks as gridshare_app.
-- The list is intersected with the columns that exist: the settlement work drops stripeSubscriptionId
-- (its migration sorts before this one), and a grant on a missing column would fail the migration.
REVOKE UPDATE, DELETE ON "Deal" FROM gridshare_app;
DO $$
DECLARE
  writable text;
BEGIN
  SELECT string_agg(format('%I', c), ', ') INTO writable
    FROM unnest(ARRAY['status', 'acceptedAt', 'rejectedAt', 'withdrawnAt', 'hostSignedAt', 'tenantSignedAt', 'activatedAt',
                      'endedAt', 'mw', 'pendingMw', 'pendingMwBy', 'pendingMwAt', 'hostSignedScenario', 'tenantSignedScenario',
                      'stripeSubscriptionId', 'updatedAt']) AS c
   WHERE EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = 'Deal' AND column_name = c);
  EXECUTE format('GRANT UPDATE (%s) ON "Deal" TO gridshare_app', writable);
END
$$;

-- Only a host proposes, PROPOSED, on its own site, to the organisation whose OPEN request it answers.
CREATE POLICY host_proposes ON "Deal" AS RESTRICTIVE FOR INSERT TO gridshare_app
  WITH CHECK ("Deal"."hostOrgId" = app_current_org() AND "Deal"."status" = 'PROPOSED'
              AND EXISTS (SELECT 1 FROM "Site" s WHERE s."id" = "Deal"."siteId" AND s."orgId" = app_current_org())
              AND EXISTS (SELECT 1 FROM "ColocationRequest" r
                           WHERE r."id" = "Deal"."requestId" AND r."orgId" = "Deal"."tenantOrgId" AND r."status" = 'OPEN'));

-- A deal's blocks are the host's own, attached when it proposes; nobody repoints or resizes them after.
CREATE POLICY host_own_blocks ON "DealBlock" AS RESTRICTIVE FOR INSERT TO gridshare_app
  WITH CHECK (EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = "DealBlock"."dealId" AND d."hostOrgId" = app_current_org() AND d."status" = 'PROPOSED')
              AND EXISTS (SELECT 1 FROM "CapacityBlock" b WHERE b."id" = "DealBlock"."blockId" AND b."orgId" = app_current_org()));
REVOKE UPDATE, DELETE ON "DealBlock" FROM gridshare_app;
