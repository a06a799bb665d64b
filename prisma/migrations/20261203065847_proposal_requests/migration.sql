-- CreateTable
CREATE TABLE "ProposalRequest" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProposalRequest_hostOrgId_createdAt_id_idx" ON "ProposalRequest"("hostOrgId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalRequest_requestId_siteId_key" ON "ProposalRequest"("requestId", "siteId");

-- AddForeignKey
ALTER TABLE "ProposalRequest" ADD CONSTRAINT "ProposalRequest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ColocationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The tenant who asked owns the row; the host it names reads it (and nothing else of the tenant's).
GRANT SELECT, INSERT, DELETE ON "ProposalRequest" TO gridshare_app;
ALTER TABLE "ProposalRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ProposalRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ProposalRequest" TO gridshare_app
  USING ("orgId" = app_current_org() OR "hostOrgId" = app_current_org())
  WITH CHECK ("orgId" = app_current_org());
