-- Row-level security: the second wall behind the application's tenant scoping.
-- The API runs tenant queries as gridshare_app (neither superuser nor BYPASSRLS), inside a transaction that
-- sets app.current_org with set_config(..., true): transaction-local, so it never leaks through the pool.
-- Tables are FORCEd, so even their owner is filtered; the owner (the role running migrations, which the API
-- also uses for its explicit system path: sign-in, API key lookup, admin) gets its own policy.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gridshare_app') THEN
    CREATE ROLE gridshare_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

-- The login role that runs the API switches to gridshare_app per transaction.
GRANT gridshare_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO gridshare_app;

CREATE FUNCTION app_current_org() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.current_org', true), '')::uuid $$;
GRANT EXECUTE ON FUNCTION app_current_org() TO gridshare_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON
  "Organization", "Membership", "ApiKey", "Site", "CapacityBlock", "ColocationRequest", "Match", "Deal",
  "DealBlock", "ReadinessAssessment", "RevenueScenario", "UsageReport", "Payout", "AuditLog"
  TO gridshare_app;
-- Members are listed with their user's name and email; users are not tenant data.
GRANT SELECT ON "User" TO gridshare_app;

ALTER TABLE "Organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Organization" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Organization" TO gridshare_app
  USING ("id" = app_current_org()) WITH CHECK ("id" = app_current_org());

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Membership', 'ApiKey', 'Site', 'CapacityBlock', 'ColocationRequest',
                           'ReadinessAssessment', 'RevenueScenario', 'UsageReport', 'Payout', 'AuditLog']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO gridshare_app USING ("orgId" = app_current_org()) WITH CHECK ("orgId" = app_current_org())', t);
  END LOOP;
END
$$;

-- A match belongs to the requesting tenant and is visible to the host whose site it names.
ALTER TABLE "Match" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Match" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Match" TO gridshare_app
  USING ("orgId" = app_current_org() OR "hostOrgId" = app_current_org())
  WITH CHECK ("orgId" = app_current_org());

-- A deal has two parties; both see it and either may move it.
ALTER TABLE "Deal" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Deal" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Deal" TO gridshare_app
  USING ("hostOrgId" = app_current_org() OR "tenantOrgId" = app_current_org());

ALTER TABLE "DealBlock" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DealBlock" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DealBlock" TO gridshare_app
  USING (EXISTS (SELECT 1 FROM "Deal" d WHERE d."id" = "dealId"));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Organization', 'Membership', 'ApiKey', 'Site', 'CapacityBlock', 'ColocationRequest',
                           'Match', 'Deal', 'DealBlock', 'ReadinessAssessment', 'RevenueScenario', 'UsageReport',
                           'Payout', 'AuditLog']
  LOOP
    EXECUTE format('CREATE POLICY system_access ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
