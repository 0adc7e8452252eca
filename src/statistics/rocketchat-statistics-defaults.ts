import { createHash } from "node:crypto";

/**
 * What an empty Rocket.Chat 8.8.1 workspace reports for the parts of its statistics object (`IStats`) the store
 * holds no data for (docs/vendors/rocketchat.md "Statistics (IStats)"): counts of 0, empty lists, and the
 * values of Rocket.Chat's settings as it installs them. Every function returns fresh objects.
 */

/** The Rocket.Chat release whose `IStats` the statistics object follows, and the `version` of a workspace without one. */
export const ROCKETCHAT_STATISTICS_VERSION = "8.8.1";

export const OAUTH_PROVIDERS = [
  "apple",
  "dolphin",
  "drupal",
  "facebook",
  "github",
  "githubEnterprise",
  "gitlab",
  "google",
  "linkedin",
  "meteor",
  "nextcloud",
  "tokenpass",
  "twitter",
  "wordpress",
] as const;

function defaultServices() {
  return {
    ldap: {
      users: 0,
      enabled: false,
      loginFallback: false,
      encryption: "plain",
      mergeUsers: false,
      syncRoles: false,
      syncRolesAutoRemove: false,
      syncData: false,
      syncChannels: false,
      syncAvatar: true,
      groupFilter: false,
      backgroundSync: { enabled: false, interval: "Every 24 hours", newUsers: true, existingUsers: true },
      ee: { syncActiveState: "disable", syncTeams: false, syncRoles: false },
    },
    saml: {
      enabled: false,
      users: 0,
      signatureValidationType: "Either",
      generateUsername: false,
      updateSubscriptionsOnLogin: false,
      syncRoles: false,
    },
    cas: { enabled: false, users: 0, allowUserCreation: true, alwaysSyncUserData: false },
    oauth: { ...Object.fromEntries(OAUTH_PROVIDERS.map((name) => [name, { enabled: false, users: 0 }])), custom: {} },
  };
}

const contacts = () => ({ contactsCount: 0, conversationsCount: 0, sources: [] });

/** Livechat, omnichannel and VoIP values, in the order getStatistics sets them (after the room counts). */
export const emptyOmnichannel = () => ({
  totalLivechatVisitors: 0,
  totalLivechatAgents: 0,
  totalLivechatManagers: 0,
  livechatEnabled: true,
  omnichannelSources: [],
  totalLivechatRoomsWithDepartment: 0,
  totalLivechatRoomsWithPriority: 0,
  departments: 0,
  archivedDepartments: 0,
  isDepartmentRemovalEnabled: false,
  totalTriggers: 0,
  totalCustomFields: 0,
  totalLivechatPublicCustomFields: 0,
  livechatAutomaticForwardingUnansweredChats: false,
  routingAlgorithm: "Auto_Selection",
  onHoldEnabled: false,
  emailInboxes: 0,
  // The default business hour Rocket.Chat creates on start; the strategy is empty while business hours are off.
  BusinessHours: { total: 1, strategy: "" },
  lastChattedAgentPreferred: false,
  assignNewConversationsToContactManager: true,
  visitorAbandonment: "none",
  chatsOnHold: 0,
  voipEnabled: false,
  voipCalls: 0,
  voipExtensions: 0,
  voipSuccessfulCalls: 0,
  voipErrorCalls: 0,
  voipOnHoldCalls: 0,
  omnichannelContactsBySource: contacts(),
  uniqueContactsOfLastMonth: contacts(),
  uniqueContactsOfLastWeek: contacts(),
  uniqueContactsOfYesterday: contacts(),
});

export const emptyFederation = () => ({
  federatedServers: 0,
  federatedUsers: 0,
  federationOverviewData: { numberOfEvents: 0, numberOfFederatedUsers: 0, numberOfServers: 0 },
});

/** Between the deployment and the migration control. */
export const emptyDeployment = () => ({
  readReceiptsEnabled: false,
  readReceiptsDetailed: false,
  enterpriseReady: true,
  uploadsTotal: 0,
  uploadsTotalSize: 0,
  fileStoreType: "GridFS",
});

/** Apps, services, settings and the license, after the session windows. */
export const emptyFeatures = () => ({
  apps: { engineVersion: "", totalInstalled: 0, totalActive: 0, totalFailed: 0 },
  services: defaultServices(),
  importer: {
    totalCSVImportedUsers: 0,
    totalHipchatEnterpriseImportedUsers: 0,
    totalSlackImportedUsers: 0,
    totalSlackUsersImportedUsers: 0,
  },
  videoConf: {
    videoConference: { started: 0, ended: 0 },
    direct: { calling: 0, started: 0, ended: 0 },
    livechat: { started: 0, ended: 0 },
    settings: { provider: "", dms: true, channels: true, groups: true, teams: true },
  },
  contactVerification: {
    totalContacts: 0,
    totalUnknownContacts: 0,
    totalMergedContacts: 0,
    totalConflicts: 0,
    totalResolvedConflicts: 0,
    totalBlockedContacts: 0,
    totalPartiallyBlockedContacts: 0,
    totalFullyBlockedContacts: 0,
    totalVerifiedContacts: 0,
    avgChannelsPerContact: 0,
    totalContactsWithoutChannels: 0,
    totalImportedContacts: 0,
    totalUpsellViews: 0,
    totalUpsellClicks: 0,
  },
  settings: {
    accounts: { account2fa: true },
    e2ee: { e2e: false, e2eDefaultDirectRoom: false, e2eDefaultPrivateRoom: false },
    email: { smtp: { smtpHost: "", smtpPort: "", fromEmail: "" } },
    fileUpload: { fileUploadEnable: true },
    general: { apps: {}, nps: { surveyEnabled: true }, update: { updateChecker: true } },
    liveStreamAndBroadcasting: { liveStream: false, broadcasting: false },
    message: {
      allowEditing: true,
      allowDeleting: true,
      allowUnrecognizedSlashCommand: false,
      allowBadWordsFilter: false,
      readReceiptEnabled: false,
      readReceiptStoreUsers: false,
    },
    push: { pushEnable: true },
    search: { defaultProvider: { globalSearchEnabled: false } },
    threads: { threadsEnabled: true },
    webRTC: { webRTCEnableChannel: false, webRTCEnablePrivate: false, webRTCEnableDirect: false },
  },
  integrations: {
    totalIntegrations: 0,
    totalIncoming: 0,
    totalIncomingActive: 0,
    totalOutgoing: 0,
    totalOutgoingActive: 0,
    totalWithScriptEnabled: 0,
  },
  pushQueue: 0,
  enterprise: { modules: [], tags: [], seatRequests: 0 },
});

/** Usage counters and customisation flags, set last by getStatistics. */
export const emptyCounters = () => ({
  dashboardCount: 0,
  messageAuditApply: 0,
  messageAuditLoad: 0,
  joinJitsiButton: 0,
  slashCommandsJitsi: 0,
  totalBroadcastRooms: 0,
  totalTriggeredEmails: 0,
  totalRoomsWithStarred: 0,
  totalRoomsWithPinned: 0,
  totalUserTOTP: 0,
  totalUserEmail2fa: 0,
  totalPinned: 0,
  totalStarred: 0,
  totalLinkInvitation: 0,
  totalLinkInvitationUses: 0,
  totalEmailInvitation: 0,
  totalE2ERooms: 0,
  logoChange: false,
  showHomeButton: true,
  totalEncryptedMessages: 0,
  totalManuallyAddedUsers: 0,
  // Rocket.Chat's protected roles: 3 of room scope (owner, moderator, leader), 9 of user scope.
  totalSubscriptionRoles: 3,
  totalUserRoles: 9,
  totalCustomRoles: 0,
  totalWebRTCCalls: 0,
  uncaughtExceptionsCount: 0,
  // Bits: push enabled (1) | through the gateway (2) | gateway changed (4).
  push: 3,
  pushSecured: true,
  homeTitleChanged: false,
  homeBodyChanged: false,
  customCSSChanged: false,
  onLogoutCustomScriptChanged: false,
  loggedOutCustomScriptChanged: false,
  loggedInCustomScriptChanged: false,
  dailyPeakConnections: 0,
  maxMonthlyPeakConnections: 0,
  matrixFederation: {
    enabled: false,
    maximumSizeOfPublicRoomsUsers: 100,
    biggestRoom: null,
    smallestRoom: null,
    amountOfExternalUsers: 0,
    amountOfFederatedRooms: 0,
    externalConnectedServers: { quantity: 0, servers: [] },
  },
  webRTCEnabled: false,
  webRTCEnabledForOmnichannel: false,
  omnichannelWebRTCCalls: 0,
});

/** Every workspace value above, plus the setup wizard and version: what a Rocket.Chat source (or the latest snapshot) may provide. */
export const emptyWorkspace = () => ({
  wizard: { organizationType: "", industry: "", size: "", country: "", language: "", serverType: "", registerServer: false },
  deploymentFingerprintVerified: true,
  version: ROCKETCHAT_STATISTICS_VERSION,
  ...emptyOmnichannel(),
  ...emptyFederation(),
  ...emptyDeployment(),
  ...emptyFeatures(),
  ...emptyCounters(),
});

export type WorkspaceKey = keyof ReturnType<typeof emptyWorkspace> | "deploymentFingerprintHash";

/** Keys whose values are kept whole (maps keyed by data, or objects whose fields are all optional): never completed key by key. */
export const WHOLE_VALUES: ReadonlySet<string> = new Set(["wizard", "userLanguages", "services", "importer", "settings", "BusinessHours"]);

/** The deployment fingerprint of a workspace without one: a SHA-256 of its unique id (Rocket.Chat hashes its site and database URLs). */
export const fingerprintOf = (uniqueId: string) => createHash("sha256").update(uniqueId).digest("base64");

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `value` completed by `template`: its own keys first, in its order, each completed in turn, then the keys only
 * the template has. A missing or null value is the template's; values of another JSON kind are kept as they are.
 */
export function completeWith(value: unknown, template: unknown, whole: ReadonlySet<string> = new Set()): unknown {
  if (value === undefined || (value === null && template !== null)) return template;
  if (!isObject(value) || !isObject(template)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key in template && !whole.has(key) ? completeWith(inner, template[key]) : inner;
  }
  for (const [key, inner] of Object.entries(template)) if (!(key in out)) out[key] = inner;
  return out;
}
