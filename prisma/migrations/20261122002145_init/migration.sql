-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('MINER', 'TENANT', 'PARTNER', 'PLATFORM');

-- CreateEnum
CREATE TYPE "OrgStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "InterconnectionStatus" AS ENUM ('NONE', 'APPLIED', 'IN_STUDY', 'APPROVED', 'ENERGIZED');

-- CreateEnum
CREATE TYPE "CoolingType" AS ENUM ('AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP');

-- CreateEnum
CREATE TYPE "Redundancy" AS ENUM ('N', 'N_PLUS_1', 'TWO_N');

-- CreateEnum
CREATE TYPE "PermitStatus" AS ENUM ('NONE', 'IN_PROGRESS', 'GRANTED');

-- CreateEnum
CREATE TYPE "SiteStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "CapacityKind" AS ENUM ('POWERED_SHELL', 'COLOCATION', 'BUILD_TO_SUIT', 'MINING_HOSTING');

-- CreateEnum
CREATE TYPE "CapacityStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RESERVED', 'LEASED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'OPEN', 'MATCHED', 'WITHDRAWN', 'CLOSED');

-- CreateEnum
CREATE TYPE "DealStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REJECTED', 'SIGNED', 'ACTIVE', 'ENDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReadinessTier" AS ENUM ('AI_READY', 'CONVERTIBLE', 'MINING_ONLY');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('PENDING', 'PAID', 'FAILED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "status" "OrgStatus" NOT NULL DEFAULT 'ACTIVE',
    "verification" "VerificationStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "verifiedAt" TIMESTAMP(3),
    "plan" TEXT NOT NULL DEFAULT 'FREE',
    "stripeCustomerId" TEXT,
    "stripeAccountId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "gridOperator" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "energizedMw" DECIMAL(10,3) NOT NULL,
    "underConstructionMw" DECIMAL(10,3) NOT NULL DEFAULT 0,
    "pipelineMw" DECIMAL(10,3) NOT NULL DEFAULT 0,
    "interconnectionStatus" "InterconnectionStatus" NOT NULL,
    "substationOnSite" BOOLEAN NOT NULL DEFAULT false,
    "substationMva" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "transformerMva" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "landAcres" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "waterAvailable" BOOLEAN NOT NULL DEFAULT false,
    "coolingType" "CoolingType" NOT NULL,
    "darkFiber" BOOLEAN NOT NULL DEFAULT false,
    "carriers" TEXT[],
    "nearestHub" TEXT,
    "latencyToHubMs" DECIMAL(6,2),
    "redundancy" "Redundancy" NOT NULL,
    "maxRackDensityKw" INTEGER NOT NULL,
    "pue" DECIMAL(4,3) NOT NULL,
    "energyPriceCentsPerMwh" INTEGER NOT NULL,
    "renewableSharePct" INTEGER NOT NULL DEFAULT 0,
    "permitStatus" "PermitStatus" NOT NULL DEFAULT 'NONE',
    "skilledStaffCount" INTEGER NOT NULL DEFAULT 0,
    "liveDate" DATE,
    "miningMw" DECIMAL(10,3) NOT NULL DEFAULT 0,
    "status" "SiteStatus" NOT NULL DEFAULT 'ACTIVE',
    "verification" "VerificationStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "verifiedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapacityBlock" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "kind" "CapacityKind" NOT NULL,
    "mw" DECIMAL(10,3) NOT NULL,
    "firmMw" DECIMAL(10,3) NOT NULL,
    "interruptibleMw" DECIMAL(10,3) NOT NULL DEFAULT 0,
    "availableFrom" DATE NOT NULL,
    "priceCentsPerKwMonth" INTEGER NOT NULL,
    "minTermMonths" INTEGER NOT NULL,
    "status" "CapacityStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CapacityBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ColocationRequest" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "totalMw" DECIMAL(10,3) NOT NULL,
    "minContiguousMw" DECIMAL(10,3) NOT NULL,
    "phases" JSONB NOT NULL,
    "neededBy" DATE NOT NULL,
    "countries" TEXT[],
    "regions" TEXT[],
    "gridOperators" TEXT[],
    "maxLatencyMs" DECIMAL(6,2),
    "cooling" "CoolingType",
    "minRackDensityKw" INTEGER,
    "minRedundancy" "Redundancy",
    "maxPriceCentsPerKwMonth" INTEGER,
    "termMonths" INTEGER NOT NULL,
    "backfillMiningAllowed" BOOLEAN NOT NULL DEFAULT false,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ColocationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DECIMAL(6,3) NOT NULL,
    "isSplit" BOOLEAN NOT NULL DEFAULT false,
    "splitGroup" TEXT,
    "blockIds" TEXT[],
    "explanation" JSONB NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deal" (
    "id" UUID NOT NULL,
    "hostOrgId" UUID NOT NULL,
    "tenantOrgId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "status" "DealStatus" NOT NULL DEFAULT 'PROPOSED',
    "mw" DECIMAL(10,3) NOT NULL,
    "priceCentsPerKwMonth" INTEGER NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "hostMiningShareBps" INTEGER NOT NULL DEFAULT 5000,
    "miningReleaseSeconds" INTEGER NOT NULL DEFAULT 30,
    "curtailFirst" TEXT NOT NULL DEFAULT 'MINING',
    "platformFeeBps" INTEGER NOT NULL DEFAULT 300,
    "acceptedAt" TIMESTAMP(3),
    "hostSignedAt" TIMESTAMP(3),
    "tenantSignedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "stripeSubscriptionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealBlock" (
    "dealId" UUID NOT NULL,
    "blockId" UUID NOT NULL,
    "mw" DECIMAL(10,3) NOT NULL,

    CONSTRAINT "DealBlock_pkey" PRIMARY KEY ("dealId","blockId")
);

-- CreateTable
CREATE TABLE "ReadinessAssessment" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    "tier" "ReadinessTier" NOT NULL,
    "criteria" JSONB NOT NULL,
    "gaps" JSONB NOT NULL,
    "conversion" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadinessAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueScenario" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "siteId" UUID,
    "dealId" UUID,
    "name" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "results" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevenueScenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "createdUnix" INTEGER NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageReport" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "mwh" DECIMAL(12,3) NOT NULL,
    "reportedAt" TIMESTAMP(3),
    "stripeEventIdentifier" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payout" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "stripeInvoiceId" TEXT NOT NULL,
    "stripeTransferId" TEXT,
    "amountCents" BIGINT NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_stripeCustomerId_key" ON "Organization"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_stripeAccountId_key" ON "Organization"("stripeAccountId");

-- CreateIndex
CREATE INDEX "Organization_kind_status_idx" ON "Organization"("kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_orgId_userId_key" ON "Membership"("orgId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_orgId_createdAt_idx" ON "ApiKey"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "Site_orgId_createdAt_id_idx" ON "Site"("orgId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Site_status_verification_gridOperator_idx" ON "Site"("status", "verification", "gridOperator");

-- CreateIndex
CREATE INDEX "Site_status_verification_region_idx" ON "Site"("status", "verification", "region");

-- CreateIndex
CREATE INDEX "Site_energizedMw_idx" ON "Site"("energizedMw");

-- CreateIndex
CREATE INDEX "Site_liveDate_idx" ON "Site"("liveDate");

-- CreateIndex
CREATE INDEX "Site_latitude_longitude_idx" ON "Site"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "CapacityBlock_orgId_createdAt_id_idx" ON "CapacityBlock"("orgId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "CapacityBlock_siteId_idx" ON "CapacityBlock"("siteId");

-- CreateIndex
CREATE INDEX "CapacityBlock_status_availableFrom_priceCentsPerKwMonth_idx" ON "CapacityBlock"("status", "availableFrom", "priceCentsPerKwMonth");

-- CreateIndex
CREATE INDEX "CapacityBlock_status_mw_idx" ON "CapacityBlock"("status", "mw");

-- CreateIndex
CREATE INDEX "ColocationRequest_orgId_createdAt_id_idx" ON "ColocationRequest"("orgId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ColocationRequest_status_neededBy_idx" ON "ColocationRequest"("status", "neededBy");

-- CreateIndex
CREATE INDEX "Match_orgId_requestId_rank_idx" ON "Match"("orgId", "requestId", "rank");

-- CreateIndex
CREATE INDEX "Match_hostOrgId_createdAt_idx" ON "Match"("hostOrgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_stripeSubscriptionId_key" ON "Deal"("stripeSubscriptionId");

-- CreateIndex
CREATE INDEX "Deal_hostOrgId_status_idx" ON "Deal"("hostOrgId", "status");

-- CreateIndex
CREATE INDEX "Deal_tenantOrgId_status_idx" ON "Deal"("tenantOrgId", "status");

-- CreateIndex
CREATE INDEX "DealBlock_blockId_idx" ON "DealBlock"("blockId");

-- CreateIndex
CREATE INDEX "ReadinessAssessment_siteId_createdAt_idx" ON "ReadinessAssessment"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "ReadinessAssessment_orgId_idx" ON "ReadinessAssessment"("orgId");

-- CreateIndex
CREATE INDEX "RevenueScenario_orgId_createdAt_idx" ON "RevenueScenario"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "RevenueScenario_siteId_idx" ON "RevenueScenario"("siteId");

-- CreateIndex
CREATE INDEX "RevenueScenario_dealId_idx" ON "RevenueScenario"("dealId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageReport_stripeEventIdentifier_key" ON "UsageReport"("stripeEventIdentifier");

-- CreateIndex
CREATE INDEX "UsageReport_orgId_day_idx" ON "UsageReport"("orgId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "UsageReport_dealId_day_key" ON "UsageReport"("dealId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_stripeTransferId_key" ON "Payout"("stripeTransferId");

-- CreateIndex
CREATE INDEX "Payout_orgId_status_idx" ON "Payout"("orgId", "status");

-- CreateIndex
CREATE INDEX "Payout_status_idx" ON "Payout"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_dealId_stripeInvoiceId_key" ON "Payout"("dealId", "stripeInvoiceId");

-- CreateIndex
CREATE INDEX "AuditLog_orgId_createdAt_idx" ON "AuditLog"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityBlock" ADD CONSTRAINT "CapacityBlock_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityBlock" ADD CONSTRAINT "CapacityBlock_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColocationRequest" ADD CONSTRAINT "ColocationRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ColocationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_hostOrgId_fkey" FOREIGN KEY ("hostOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_tenantOrgId_fkey" FOREIGN KEY ("tenantOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ColocationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealBlock" ADD CONSTRAINT "DealBlock_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealBlock" ADD CONSTRAINT "DealBlock_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "CapacityBlock"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadinessAssessment" ADD CONSTRAINT "ReadinessAssessment_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueScenario" ADD CONSTRAINT "RevenueScenario_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueScenario" ADD CONSTRAINT "RevenueScenario_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueScenario" ADD CONSTRAINT "RevenueScenario_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReport" ADD CONSTRAINT "UsageReport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReport" ADD CONSTRAINT "UsageReport_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
