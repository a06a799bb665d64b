-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedByUserId" UUID,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_orgId_createdAt_id_idx" ON "Invitation"("orgId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (the pattern of the row_level_security migration). An organisation's ADMINs invite,
-- list and revoke in its scope; accepting is the invitee's, who is not a member yet: that runs on the
-- system path (apps/api/src/modules/orgs/invitations.service.ts), like sign-in.
GRANT SELECT, INSERT ON "Invitation" TO gridshare_app;
GRANT UPDATE ("revokedAt") ON "Invitation" TO gridshare_app;
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invitation" TO gridshare_app
  USING ("orgId" = app_current_org()) WITH CHECK ("orgId" = app_current_org());
DO $$
BEGIN
  EXECUTE format('CREATE POLICY system_access ON "Invitation" TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
