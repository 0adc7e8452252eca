-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Vendor" AS ENUM ('TEAMWIRE', 'ROCKETCHAT', 'TABNINE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('SUPERADMIN', 'ADMIN', 'TEAM_ADMIN', 'MEMBER');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('REGISTERED', 'PENDING', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "Presence" AS ENUM ('ONLINE', 'AWAY', 'BUSY', 'OFFLINE');

-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('HUMAN', 'APP', 'GUEST');

-- CreateEnum
CREATE TYPE "UsageMetric" AS ENUM ('MESSAGES_SENT', 'CONNECTOR_ACTIVATIONS', 'ACTIVE_USERS', 'SESSION_SECONDS', 'COMPLETION_ACTIVE_USERS', 'CODE_COMPLETIONS', 'COMPLETION_CHARS', 'KEYSTROKES', 'COMPLETION_LINES', 'CHAT_ACTIVE_USERS', 'CHAT_INTERACTIONS', 'USEFUL_CHAT_INTERACTIONS', 'CHAT_LINES', 'CHAT_CHARS', 'CHAT_CONSUMPTION_RATE', 'PRODUCTIVITY_FACTOR');

-- CreateEnum
CREATE TYPE "RoomType" AS ENUM ('NONE', 'CHANNEL', 'PRIVATE_GROUP', 'DIRECT', 'LIVECHAT');

-- CreateEnum
CREATE TYPE "RollupGrain" AS ENUM ('HOUR', 'DAY');

-- CreateEnum
CREATE TYPE "RollupScope" AS ENUM ('ORGANIZATION', 'TEAM', 'USER');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domains" TEXT[],
    "plan" TEXT NOT NULL DEFAULT 'Enterprise',
    "privacyMode" TEXT NOT NULL DEFAULT 'standard',
    "samlEnabled" BOOLEAN NOT NULL DEFAULT false,
    "smtpConfigured" BOOLEAN NOT NULL DEFAULT false,
    "usernamePasswordEnabled" BOOLEAN NOT NULL DEFAULT true,
    "publicKey" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "externalId" TEXT,
    "baseUrl" TEXT,
    "encryptedCredentials" BYTEA,
    "settings" JSON NOT NULL DEFAULT '{}',
    "cursor" JSONB NOT NULL DEFAULT '{}',
    "lastSyncAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID,
    "email" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "status" "UserStatus" NOT NULL DEFAULT 'REGISTERED',
    "presence" "Presence" NOT NULL DEFAULT 'OFFLINE',
    "kind" "UserKind" NOT NULL DEFAULT 'HUMAN',
    "locale" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "passwordHash" TEXT,
    "lastActiveAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "deactivatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "externalId" TEXT NOT NULL,
    "vendorRole" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "externalId" TEXT,
    "os" TEXT NOT NULL,
    "osVersion" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "clientVersion" TEXT NOT NULL,
    "managed" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL,
    "wipedAt" TIMESTAMPTZ(3),
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "metric" "UsageMetric" NOT NULL,
    "roomType" "RoomType" NOT NULL DEFAULT 'NONE',
    "userId" UUID,
    "teamId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRollup" (
    "organizationId" UUID NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "scope" "RollupScope" NOT NULL,
    "scopeId" UUID NOT NULL,
    "metric" "UsageMetric" NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "roomType" "RoomType" NOT NULL DEFAULT 'NONE',
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "samples" INTEGER NOT NULL,

    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("organizationId","grain","scope","scopeId","metric","vendor","roomType","bucketStart")
);

-- CreateTable
CREATE TABLE "WorkspaceStatisticsSnapshot" (
    "id" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "totalUsers" INTEGER NOT NULL,
    "activeUsers" INTEGER NOT NULL,
    "onlineUsers" INTEGER NOT NULL,
    "totalRooms" INTEGER NOT NULL,
    "totalMessages" INTEGER NOT NULL,
    "payload" JSON NOT NULL,

    CONSTRAINT "WorkspaceStatisticsSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "License" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "seats" INTEGER NOT NULL,
    "seatsCap" INTEGER,
    "audience" TEXT,
    "features" TEXT[],
    "settings" JSON NOT NULL DEFAULT '{}',
    "issuedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "License_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountUtilization" (
    "organizationId" UUID NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "month" DATE NOT NULL,
    "registered" INTEGER NOT NULL,
    "deactivated" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,

    CONSTRAINT "AccountUtilization_pkey" PRIMARY KEY ("organizationId","vendor","month")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_number_key" ON "Organization"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Source_organizationId_vendor_key" ON "Source"("organizationId", "vendor");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organizationId_name_key" ON "Team"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organizationId_id_key" ON "Team"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_teamId_email_idx" ON "User"("organizationId", "teamId", "email");

-- CreateIndex
CREATE INDEX "User_organizationId_status_idx" ON "User"("organizationId", "status");

-- CreateIndex
CREATE INDEX "User_organizationId_role_idx" ON "User"("organizationId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "User_organizationId_id_key" ON "User"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_organizationId_vendor_externalId_key" ON "Identity"("organizationId", "vendor", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_userId_vendor_key" ON "Identity"("userId", "vendor");

-- CreateIndex
CREATE INDEX "Device_organizationId_vendor_os_idx" ON "Device"("organizationId", "vendor", "os");

-- CreateIndex
CREATE INDEX "Device_organizationId_userId_idx" ON "Device"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Device_organizationId_vendor_externalId_key" ON "Device"("organizationId", "vendor", "externalId");

-- CreateIndex
CREATE INDEX "UsageEvent_organizationId_metric_occurredAt_idx" ON "UsageEvent"("organizationId", "metric", "occurredAt");

-- CreateIndex
CREATE INDEX "UsageEvent_organizationId_userId_occurredAt_idx" ON "UsageEvent"("organizationId", "userId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "UsageEvent_organizationId_idempotencyKey_key" ON "UsageEvent"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "UsageRollup_organizationId_grain_scope_metric_bucketStart_idx" ON "UsageRollup"("organizationId", "grain", "scope", "metric", "bucketStart");

-- CreateIndex
CREATE INDEX "WorkspaceStatisticsSnapshot_organizationId_vendor_takenAt_idx" ON "WorkspaceStatisticsSnapshot"("organizationId", "vendor", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "License_organizationId_vendor_key" ON "License"("organizationId", "vendor");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organizationId_userId_idx" ON "ApiToken"("organizationId", "userId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "User"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "User"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRollup" ADD CONSTRAINT "UsageRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceStatisticsSnapshot" ADD CONSTRAINT "WorkspaceStatisticsSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "License" ADD CONSTRAINT "License_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountUtilization" ADD CONSTRAINT "AccountUtilization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "User"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
