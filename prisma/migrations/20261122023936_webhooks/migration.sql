-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "eventTypes" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secretCiphertext" TEXT NOT NULL,
    "secretPrefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "replayOfId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookEndpoint_orgId_createdAt_idx" ON "WebhookEndpoint"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_orgId_createdAt_idx" ON "WebhookDelivery"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant table (see the row_level_security migration).
GRANT SELECT, INSERT, UPDATE, DELETE ON "WebhookEndpoint", "WebhookDelivery" TO gridshare_app;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['WebhookEndpoint', 'WebhookDelivery']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO gridshare_app USING ("orgId" = app_current_org()) WITH CHECK ("orgId" = app_current_org())', t);
    EXECUTE format('CREATE POLICY system_access ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;

-- The outbox write. An event about a deal or a match concerns two organisations, but the transaction
-- that changes it runs as one of them, and row-level security hides the other's endpoints and refuses
-- rows in its name. This function (running as its owner) queues one delivery per enabled endpoint of
-- `target_org` subscribed to the event, and only when the caller may speak for that organisation:
-- its own events, the host of a match it just stored, or the other party of a deal it is a party to.
-- Callers on the system path (no organisation set: the owner role) may address any organisation.
-- Returns the new deliveries' ids, which the API hands to the queue after commit.
CREATE FUNCTION record_partner_event(target_org uuid, event_type text, subject_id uuid, event_payload jsonb)
  RETURNS SETOF uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  caller uuid := app_current_org();
  event_id uuid := gen_random_uuid();
BEGIN
  IF caller IS NOT NULL AND target_org <> caller AND NOT (
       (event_type = 'match.created' AND EXISTS (
          SELECT 1 FROM "Match" WHERE "id" = subject_id AND "orgId" = caller AND "hostOrgId" = target_org))
    OR (event_type LIKE 'deal.%' AND EXISTS (
          SELECT 1 FROM "Deal" WHERE "id" = subject_id
             AND caller IN ("hostOrgId", "tenantOrgId") AND target_org IN ("hostOrgId", "tenantOrgId")))
  ) THEN
    RAISE EXCEPTION 'organisation % may not record % for organisation %', caller, event_type, target_org
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    INSERT INTO "WebhookDelivery" ("id", "orgId", "endpointId", "eventId", "eventType", "payload")
    SELECT gen_random_uuid(), e."orgId", e."id", event_id, event_type, event_payload
      FROM "WebhookEndpoint" e
     WHERE e."orgId" = target_org AND e."enabled" AND event_type = ANY(e."eventTypes")
    RETURNING "id";
END
$$;
REVOKE ALL ON FUNCTION record_partner_event(uuid, text, uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_partner_event(uuid, text, uuid, jsonb) TO gridshare_app;
