/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** Month-end account counts (Tabnine account utilization). Months are 1-based. */
export type AccountUtilizationMonth = {
  __typename?: 'AccountUtilizationMonth';
  /** Used the product during the month. */
  active: Scalars['Int']['output'];
  /** Deactivated at month end. */
  deactivated: Scalars['Int']['output'];
  /** Month, 1-12 (Tabnine's REST API sends it zero-based). */
  month: Scalars['Int']['output'];
  /** Invited but not signed up at month end. */
  pending: Scalars['Int']['output'];
  /** Signed up and not deactivated at month end. */
  registered: Scalars['Int']['output'];
  /** Year. */
  year: Scalars['Int']['output'];
};

/** A gateway API token. The secret is shown only once, when issued; the gateway keeps its SHA-256 hash. */
export type ApiToken = {
  __typename?: 'ApiToken';
  /** When it was issued. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When it expires; null for never. */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Token id. */
  id: Scalars['ID']['output'];
  /** Last use (to the minute). */
  lastUsedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Label given when issued. */
  name: Scalars['String']['output'];
  /** First characters of the token, to tell tokens apart. */
  prefix: Scalars['String']['output'];
  /** When it was revoked. */
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
};

/** One interval of a calendar series. */
export type CalendarPoint = {
  __typename?: 'CalendarPoint';
  /** The count in the interval. */
  count: Scalars['Int']['output'];
  /** YYYY-MM-DD for daily points (a month was given), YYYY-MM for monthly points. */
  date: Scalars['String']['output'];
  /** For active users: the distinct user ids counted. */
  userIds: Maybe<Array<Scalars['ID']['output']>>;
};

/** A per-day (month given) or per-month (year only) series, zero-filled, ascending, UTC, up to the current interval. */
export type CalendarSeries = {
  __typename?: 'CalendarSeries';
  /** Month (1-12) of the oldest data within minYear. */
  minMonth: Scalars['Int']['output'];
  /** Year of the oldest data of this kind in the organization (the current year when there is none). */
  minYear: Scalars['Int']['output'];
  /** The intervals. */
  points: Array<CalendarPoint>;
};

/** A client installation of a user at one vendor. */
export type Device = {
  __typename?: 'Device';
  /** Client type, e.g. Desktop, Rocket.Chat Mobile, VS Code. */
  client: Scalars['String']['output'];
  /** Client version. */
  clientVersion: Scalars['String']['output'];
  /** First activity of the device. */
  firstSeenAt: Scalars['DateTimeISO']['output'];
  /** Device id. */
  id: Scalars['ID']['output'];
  /** Last activity of the device. */
  lastSeenAt: Scalars['DateTimeISO']['output'];
  /** Device locale. */
  locale: Scalars['String']['output'];
  /** Whether the device is managed (MDM). */
  managed: Scalars['Boolean']['output'];
  /** Operating system as the vendor reports it (not normalized). */
  os: Scalars['String']['output'];
  /** Operating system version. */
  osVersion: Scalars['String']['output'];
  /** The vendor whose client this is. */
  vendor: Vendor;
  /** When the device was wiped; wiped devices are not counted in statistics. */
  wipedAt: Maybe<Scalars['DateTimeISO']['output']>;
};

/** How device statistics are grouped: by OS, by client, by (client, OS, managed), or by locale. */
export type DeviceDiscriminator =
  | 'CLIENT'
  | 'IS_MANAGED'
  | 'LOCALE'
  | 'OS';

/** Devices grouped by the requested discriminator. Fields not part of the grouping are null. */
export type DeviceStat = {
  __typename?: 'DeviceStat';
  /** Client type (CLIENT and IS_MANAGED groupings). */
  client: Maybe<Scalars['String']['output']>;
  /** Client version (CLIENT grouping with a `client` filter). */
  clientVersion: Maybe<Scalars['String']['output']>;
  /** Managed flag (IS_MANAGED grouping). */
  isManaged: Maybe<Scalars['Boolean']['output']>;
  /** Locale (LOCALE grouping). */
  locale: Maybe<Scalars['String']['output']>;
  /** Operating system (OS and IS_MANAGED groupings). */
  os: Maybe<Scalars['String']['output']>;
  /** OS version (OS grouping with an `os` filter). */
  osVersion: Maybe<Scalars['String']['output']>;
  /** Devices in the group (wiped devices excluded). */
  total: Scalars['Int']['output'];
};

/** A user's account at one vendor. */
export type Identity = {
  __typename?: 'Identity';
  /** The vendor's own user id (Tabnine UUID, Rocket.Chat 17-character id, Teamwire id). */
  externalId: Scalars['String']['output'];
  /** The vendor. */
  vendor: Vendor;
  /** The vendor's role string, e.g. Tabnine TeamLead. */
  vendorRole: Maybe<Scalars['String']['output']>;
};

/** A newly issued API token with its secret. */
export type IssuedApiToken = {
  __typename?: 'IssuedApiToken';
  /** The stored token. */
  apiToken: ApiToken;
  /** The secret: send it as `Authorization: Bearer <token>` (or Rocket.Chat `X-Auth-Token`). Shown only now. */
  token: Scalars['String']['output'];
};

/** Users per preferred language. */
export type LanguageCount = {
  __typename?: 'LanguageCount';
  /** Language code; `none` when not set. */
  locale: Scalars['String']['output'];
  /** Users. */
  total: Scalars['Int']['output'];
};

/** Users whose last client use fell in one month. */
export type LastUsage = {
  __typename?: 'LastUsage';
  /** Month, 1-12. */
  month: Scalars['Int']['output'];
  /** Users whose last use was in this month; each user counts once overall. */
  users: Scalars['Int']['output'];
  /** Year. */
  year: Scalars['Int']['output'];
};

/** A vendor license of the organization. */
export type License = {
  __typename?: 'License';
  /** License audience (Tabnine). */
  audience: Maybe<Scalars['String']['output']>;
  /** When the license expires. */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Licensed features. */
  features: Array<Scalars['String']['output']>;
  /** When the license was issued. */
  issuedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Licensed seats. */
  seats: Scalars['Int']['output'];
  /** Hard cap on seats, when the vendor has one. */
  seatsCap: Maybe<Scalars['Int']['output']>;
  /** The vendor the license is for. */
  vendor: Vendor;
};

/** Messages sent, by room type. */
export type MessageTotals = {
  __typename?: 'MessageTotals';
  /** In public channels. */
  channel: Scalars['Int']['output'];
  /** In direct messages. */
  direct: Scalars['Int']['output'];
  /** In livechat rooms. */
  livechat: Scalars['Int']['output'];
  /** In private groups. */
  privateGroup: Scalars['Int']['output'];
  /** All messages. */
  total: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Issues an API token for the viewer. */
  issueApiToken: IssuedApiToken;
  /** Registers (or updates) the organization's source for a vendor. ADMIN of the organization. */
  registerSource: Source;
  /** Revokes an API token: the viewer's own, or any of the organization's for an ADMIN. */
  revokeApiToken: ApiToken;
};


export type MutationIssueApiTokenArgs = {
  expiresInDays: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
};


export type MutationRegisterSourceArgs = {
  input: RegisterSourceInput;
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};

/** A tenant: one company using one or more of the vendors. */
export type Organization = {
  __typename?: 'Organization';
  /** Month-end Tabnine account counts, from startMonth to the current month. */
  accountUtilization: Array<AccountUtilizationMonth>;
  /** Teamwire connectors activated per day (month given) or per month. */
  activatedConnectors: CalendarSeries;
  /** Distinct active users per day (month given) or per month, with their ids. */
  activeUsers: CalendarSeries;
  /** When the organization was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Registered, not wiped devices grouped by the discriminator, most first. */
  deviceStats: Array<DeviceStat>;
  /** A disabled organization is refused by the Teamwire adapter. */
  disabled: Scalars['Boolean']['output'];
  /** Email domains of the organization. */
  domains: Array<Scalars['String']['output']>;
  /** UUID; Tabnine's organization id. */
  id: Scalars['ID']['output'];
  /** Per month, the users whose last client use fell in it (ascending; empty months omitted). */
  lastUsages: Array<LastUsage>;
  /** Vendor licenses (Teamwire license count, Tabnine license). */
  licenses: Array<License>;
  /** Display name (Teamwire `company`, Tabnine `name`). */
  name: Scalars['String']['output'];
  /** Numeric id, used in Teamwire URLs as `organisation_id`. */
  number: Scalars['Int']['output'];
  /** Plan type, e.g. Enterprise. */
  plan: Scalars['String']['output'];
  /** Teamwire privacy mode (`dashboard.settings`). */
  privacyMode: Scalars['String']['output'];
  /** Whether SAML single sign-on is enabled. */
  samlEnabled: Scalars['Boolean']['output'];
  /** Messages sent per day (month given) or per month. */
  sentMessages: CalendarSeries;
  /** URL-safe short name, unique. */
  slug: Scalars['String']['output'];
  /** Whether outgoing email is configured. */
  smtpConfigured: Scalars['Boolean']['output'];
  /** The vendors the organization uses, with their sync state. */
  sources: Array<Source>;
  /** Stored workspace statistics snapshots, newest first unless `oldestFirst`. */
  statisticsHistory: StatisticsSnapshotConnection;
  /** Teams by name. ADMIN of the organization or SUPERADMIN. */
  teams: TeamConnection;
  /** The organization's usage over [from, to). ADMIN of the organization or SUPERADMIN. */
  usage: UsageSeries;
  /** Whether username/password login is allowed. */
  usernamePasswordEnabled: Scalars['Boolean']['output'];
  /** Users by email, optionally filtered. ADMIN of the organization or SUPERADMIN. */
  users: UserConnection;
  /** Live totals computed from the store: accounts, presence, languages, messages, devices, AI use. */
  workspaceStatistics: WorkspaceStatistics;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationAccountUtilizationArgs = {
  startMonth: InputMaybe<Scalars['String']['input']>;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationActivatedConnectorsArgs = {
  month: InputMaybe<Scalars['Int']['input']>;
  vendor: InputMaybe<Vendor>;
  year: Scalars['Int']['input'];
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationActiveUsersArgs = {
  month: InputMaybe<Scalars['Int']['input']>;
  vendor: InputMaybe<Vendor>;
  year: Scalars['Int']['input'];
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationDeviceStatsArgs = {
  client: InputMaybe<Scalars['String']['input']>;
  discriminator: DeviceDiscriminator;
  os: InputMaybe<Scalars['String']['input']>;
  vendor: InputMaybe<Vendor>;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationLastUsagesArgs = {
  vendor: InputMaybe<Vendor>;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationLicensesArgs = {
  vendor: InputMaybe<Vendor>;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationSentMessagesArgs = {
  month: InputMaybe<Scalars['Int']['input']>;
  vendor: InputMaybe<Vendor>;
  year: Scalars['Int']['input'];
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationStatisticsHistoryArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  oldestFirst?: Scalars['Boolean']['input'];
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationTeamsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationUsageArgs = {
  from: Scalars['DateTimeISO']['input'];
  metrics: InputMaybe<Array<UsageMetric>>;
  resolution: Resolution;
  to: Scalars['DateTimeISO']['input'];
  vendor: InputMaybe<Vendor>;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationUsersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<UserFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A tenant: one company using one or more of the vendors. */
export type OrganizationWorkspaceStatisticsArgs = {
  vendor: InputMaybe<Vendor>;
};

/** A page of organizations. */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** The items of this page with their cursors. */
  edges: Array<OrganizationEdge>;
  /** The items of this page. */
  nodes: Array<Organization>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Number of items in the whole list (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** A Organization with its cursor. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String']['output'];
  /** The Organization. */
  node: Organization;
};

/** Where a page of a connection ends. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether a request with `after: endCursor` returns more items. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Chat presence at the last sync (Rocket.Chat). */
export type Presence =
  | 'AWAY'
  | 'BUSY'
  | 'OFFLINE'
  | 'ONLINE';

/** Accounts by chat presence. */
export type PresenceCounts = {
  __typename?: 'PresenceCounts';
  /** Away. */
  away: Scalars['Int']['output'];
  /** Busy. */
  busy: Scalars['Int']['output'];
  /** Online, away or busy. */
  connected: Scalars['Int']['output'];
  /** Offline. */
  offline: Scalars['Int']['output'];
  /** Online. */
  online: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The viewer's API tokens, newest first. */
  apiTokens: Array<ApiToken>;
  /** An organization: the viewer's own when `id` is omitted. Another organization is NOT_FOUND unless the viewer is a SUPERADMIN. */
  organization: Maybe<Organization>;
  /** Every organization, ordered by name. SUPERADMIN only. */
  organizations: OrganizationConnection;
  /** A team the viewer may see (admins: any team of their organization; others: their own team). */
  team: Maybe<Team>;
  /** A user the viewer may see (admins: their organization; team admins: their team; members: themselves). */
  user: Maybe<User>;
  /** The user the request's token belongs to. */
  viewer: User;
};


export type QueryOrganizationArgs = {
  id: InputMaybe<Scalars['ID']['input']>;
};


export type QueryOrganizationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTeamArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** A vendor the organization uses, for the pull connector. */
export type RegisterSourceInput = {
  /** Base URL of the vendor API, http(s). */
  baseUrl: Scalars['String']['input'];
  /** The vendor's id for the tenant. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Organization; default the viewer's. Another one needs SUPERADMIN. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** The vendor. */
  vendor: Vendor;
};

/** Bucket size of a usage series. Buckets are UTC; WEEK starts on Monday (ISO), MONTH on the 1st. */
export type Resolution =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** Gateway role: SUPERADMIN sees every organization, ADMIN its own, TEAM_ADMIN its team, MEMBER itself. */
export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'SUPERADMIN'
  | 'TEAM_ADMIN';

/** A vendor the organization uses, and the state of its data pull. Credentials are never exposed. */
export type Source = {
  __typename?: 'Source';
  /** Base URL of the vendor API the connector pulls from. */
  baseUrl: Maybe<Scalars['String']['output']>;
  /** The vendor's id for this tenant (Rocket.Chat uniqueId, Tabnine organization id). */
  externalId: Maybe<Scalars['String']['output']>;
  /** Source id. */
  id: Scalars['ID']['output'];
  /** Error of the last failed sync, if any. */
  lastError: Maybe<Scalars['String']['output']>;
  /** End of the last successful sync. */
  lastSyncAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The vendor. */
  vendor: Vendor;
};

/** A stored workspace statistics snapshot (Rocket.Chat `statistics` object). */
export type StatisticsSnapshot = {
  __typename?: 'StatisticsSnapshot';
  /** `activeUsers` (enabled accounts) at that time. */
  activeUsers: Scalars['Int']['output'];
  /** Snapshot id (Rocket.Chat `_id`). */
  id: Scalars['ID']['output'];
  /** `onlineUsers` at that time. */
  onlineUsers: Scalars['Int']['output'];
  /** The whole statistics object, in the vendor's key order. */
  payload: Scalars['JSONObject']['output'];
  /** When it was taken (`createdAt`). */
  takenAt: Scalars['DateTimeISO']['output'];
  /** `totalMessages` at that time. */
  totalMessages: Scalars['Int']['output'];
  /** `totalRooms` at that time. */
  totalRooms: Scalars['Int']['output'];
  /** `totalUsers` at that time. */
  totalUsers: Scalars['Int']['output'];
};

/** A page of stored statistics snapshots. */
export type StatisticsSnapshotConnection = {
  __typename?: 'StatisticsSnapshotConnection';
  /** The items of this page with their cursors. */
  edges: Array<StatisticsSnapshotEdge>;
  /** The items of this page. */
  nodes: Array<StatisticsSnapshot>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Number of items in the whole list (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** A StatisticsSnapshot with its cursor. */
export type StatisticsSnapshotEdge = {
  __typename?: 'StatisticsSnapshotEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String']['output'];
  /** The StatisticsSnapshot. */
  node: StatisticsSnapshot;
};

/** An organizational unit (Tabnine team). Teamwire and Rocket.Chat users may belong to none. */
export type Team = {
  __typename?: 'Team';
  /** When the team was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Team id (UUID, Tabnine `teamId`). */
  id: Scalars['ID']['output'];
  /** Whether this is the organization's default team. */
  isDefault: Scalars['Boolean']['output'];
  /** Team name, unique in its organization. */
  name: Scalars['String']['output'];
  /** The team's organization. */
  organization: Organization;
  /** The team's usage over [from, to): sums of events attributed to the team; distinct users among its current members. */
  usage: UsageSeries;
  /** Members by email. Organization ADMIN or the team's TEAM_ADMIN. */
  users: UserConnection;
  /** Members of the team (any status). */
  usersCount: Scalars['Int']['output'];
  /** Current member counts: registered, deactivated, invited. */
  utilization: TeamUtilization;
};


/** An organizational unit (Tabnine team). Teamwire and Rocket.Chat users may belong to none. */
export type TeamUsageArgs = {
  from: Scalars['DateTimeISO']['input'];
  metrics: InputMaybe<Array<UsageMetric>>;
  resolution: Resolution;
  to: Scalars['DateTimeISO']['input'];
  vendor: InputMaybe<Vendor>;
};


/** An organizational unit (Tabnine team). Teamwire and Rocket.Chat users may belong to none. */
export type TeamUsersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<UserFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of teams. */
export type TeamConnection = {
  __typename?: 'TeamConnection';
  /** The items of this page with their cursors. */
  edges: Array<TeamEdge>;
  /** The items of this page. */
  nodes: Array<Team>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Number of items in the whole list (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** A Team with its cursor. */
export type TeamEdge = {
  __typename?: 'TeamEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String']['output'];
  /** The Team. */
  node: Team;
};

/** Current member counts of a team (Tabnine team utilization). */
export type TeamUtilization = {
  __typename?: 'TeamUtilization';
  /** Deactivated members. */
  deactivated: Scalars['Int']['output'];
  /** Invited members who have not signed up yet. */
  invited: Scalars['Int']['output'];
  /** Signed-up members that are not deactivated. */
  registered: Scalars['Int']['output'];
};

/** A usage metric. *_ACTIVE_USERS count distinct users (never summed across buckets or vendors); PRODUCTIVITY_FACTOR and CHAT_CONSUMPTION_RATE are activity-weighted ratios; AUTOMATION_FACTOR = COMPLETION_CHARS / (COMPLETION_CHARS + KEYSTROKES); the rest are sums. */
export type UsageMetric =
  | 'ACTIVE_USERS'
  | 'AUTOMATION_FACTOR'
  | 'CHAT_ACTIVE_USERS'
  | 'CHAT_CHARS'
  | 'CHAT_CONSUMPTION_RATE'
  | 'CHAT_INTERACTIONS'
  | 'CHAT_LINES'
  | 'CODE_COMPLETIONS'
  | 'COMPLETION_ACTIVE_USERS'
  | 'COMPLETION_CHARS'
  | 'COMPLETION_LINES'
  | 'CONNECTOR_ACTIVATIONS'
  | 'KEYSTROKES'
  | 'MESSAGES_SENT'
  | 'PRODUCTIVITY_FACTOR'
  | 'SESSION_SECONDS'
  | 'USEFUL_CHAT_INTERACTIONS';

/** One bucket of a usage series. */
export type UsagePoint = {
  __typename?: 'UsagePoint';
  /** Bucket start (inclusive); the range's `from` for a clipped first bucket. */
  from: Scalars['DateTimeISO']['output'];
  /** Bucket end (exclusive); the range's `to` for a clipped last bucket. */
  to: Scalars['DateTimeISO']['output'];
  /** One value per requested metric and vendor, in a stable order. */
  values: Array<UsageValue>;
};

/** Usage over a range: one point per bucket, empty buckets as zeros, ascending. */
export type UsageSeries = {
  __typename?: 'UsageSeries';
  /** Start of the range (inclusive). */
  from: Scalars['DateTimeISO']['output'];
  /** Buckets in ascending order. */
  points: Array<UsagePoint>;
  /** Bucket size. */
  resolution: Resolution;
  /** End of the range (exclusive). */
  to: Scalars['DateTimeISO']['output'];
  /** Values over the whole range: sums, distinct users over the range (not a sum of buckets), weighted ratios. */
  totals: Array<UsageValue>;
};

/** One metric of one vendor in one bucket (or over the whole range). */
export type UsageValue = {
  __typename?: 'UsageValue';
  /** The metric. */
  metric: UsageMetric;
  /** The value: a sum, a distinct-user count or a ratio, as the metric says. 0 for an empty bucket. */
  value: Scalars['Float']['output'];
  /** The vendor that reported it. Values of different vendors are never merged. */
  vendor: Vendor;
};

/** A person (or app) of one organization, with an identity per vendor. */
export type User = {
  __typename?: 'User';
  /** When the account was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When the account was deactivated. */
  deactivatedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The user's client installations, by vendor and first use. */
  devices: Array<Device>;
  /** Email, unique across the gateway. */
  email: Scalars['String']['output'];
  /** Given name. */
  firstName: Scalars['String']['output'];
  /** Gateway user id (UUID). */
  id: Scalars['ID']['output'];
  /** The user's account at each vendor. */
  identities: Array<Identity>;
  /** Human, app or guest account. */
  kind: UserKind;
  /** Last client activity at any vendor. */
  lastActiveAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Family name. */
  lastName: Scalars['String']['output'];
  /** Preferred language, e.g. de or pt-br; null when not set. */
  locale: Maybe<Scalars['String']['output']>;
  /** First and last name. */
  name: Scalars['String']['output'];
  /** The user's organization. */
  organization: Organization;
  /** Chat presence at the last sync. */
  presence: Presence;
  /** Gateway role. */
  role: Role;
  /** Account state. */
  status: UserStatus;
  /** The user's team; null when unassigned or not visible to the viewer. */
  team: Maybe<Team>;
  /** Last change of the account. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** The user's usage over [from, to). Distinct-user metrics are 0 or 1 per bucket. */
  usage: UsageSeries;
  /** Login name (normally the email). */
  username: Scalars['String']['output'];
  /** Whether the email address is verified. */
  verified: Scalars['Boolean']['output'];
};


/** A person (or app) of one organization, with an identity per vendor. */
export type UserUsageArgs = {
  from: Scalars['DateTimeISO']['input'];
  metrics: InputMaybe<Array<UsageMetric>>;
  resolution: Resolution;
  to: Scalars['DateTimeISO']['input'];
  vendor: InputMaybe<Vendor>;
};

/** A page of users. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The items of this page with their cursors. */
  edges: Array<UserEdge>;
  /** The items of this page. */
  nodes: Array<User>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Number of items in the whole list (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** A User with its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String']['output'];
  /** The User. */
  node: User;
};

/** Narrows a list of users. All given conditions must hold. */
export type UserFilterInput = {
  /** Only users with one of these roles. */
  roles?: InputMaybe<Array<Role>>;
  /** Only users with one of these statuses. */
  statuses?: InputMaybe<Array<UserStatus>>;
  /** true: only users in a team; false: only users without a team. */
  teamAssigned?: InputMaybe<Scalars['Boolean']['input']>;
};

/** HUMAN, APP (bot) or GUEST account. */
export type UserKind =
  | 'APP'
  | 'GUEST'
  | 'HUMAN';

/** Account state: REGISTERED (active account), PENDING (invited, never used), DEACTIVATED. */
export type UserStatus =
  | 'DEACTIVATED'
  | 'PENDING'
  | 'REGISTERED';

/** A tool whose usage the gateway holds. */
export type Vendor =
  | 'ROCKETCHAT'
  | 'TABNINE'
  | 'TEAMWIRE';

/** Live totals of an organization, computed from the store. */
export type WorkspaceStatistics = {
  __typename?: 'WorkspaceStatistics';
  /** Enabled accounts (REGISTERED): not a measure of activity. */
  activeAccounts: Scalars['Int']['output'];
  /** Accounts with the ADMIN or SUPERADMIN role. */
  adminsCount: Scalars['Int']['output'];
  /** AI chat interactions ever made (Tabnine). */
  aiChatInteractions: Scalars['Int']['output'];
  /** AI code completions ever accepted (Tabnine). */
  aiCompletions: Scalars['Int']['output'];
  /** App (bot) accounts. */
  appUsers: Scalars['Int']['output'];
  /** Enabled accounts that used a client at least once (Teamwire `users_count`). */
  clientUsers: Scalars['Int']['output'];
  /** Deactivated accounts. */
  deactivatedUsers: Scalars['Int']['output'];
  /** Registered, not wiped devices. */
  devices: Scalars['Int']['output'];
  /** Email domains. */
  domainsCount: Scalars['Int']['output'];
  /** Enabled guest accounts. */
  guests: Scalars['Int']['output'];
  /** Last activity of any user. */
  lastActiveAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Last message sent. */
  lastMessageSentAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Licensed seats (largest license of the selected vendors). */
  licenseSeats: Scalars['Int']['output'];
  /** Messages ever sent, by room type. */
  messages: MessageTotals;
  /** Accounts that never used a client (Teamwire `pending_users_count`). */
  neverActiveUsers: Scalars['Int']['output'];
  /** Invited accounts that never signed up (PENDING). */
  pendingUsers: Scalars['Int']['output'];
  /** Enabled accounts by presence. */
  presence: PresenceCounts;
  /** When the latest stored workspace snapshot was taken. */
  snapshotAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Teams (organizational units). */
  teamsCount: Scalars['Int']['output'];
  /** All accounts (of the vendor, when one is selected). */
  totalUsers: Scalars['Int']['output'];
  /** Accounts by preferred language, most first. */
  userLanguages: Array<LanguageCount>;
};

/** How device statistics are grouped: by OS, by client, by (client, OS, managed), or by locale. */
export type DeviceDiscriminator =
  | 'CLIENT'
  | 'IS_MANAGED'
  | 'LOCALE'
  | 'OS';

/** Chat presence at the last sync (Rocket.Chat). */
export type Presence =
  | 'AWAY'
  | 'BUSY'
  | 'OFFLINE'
  | 'ONLINE';

/** A vendor the organization uses, for the pull connector. */
export type RegisterSourceInput = {
  /** Base URL of the vendor API, http(s). */
  baseUrl: string;
  /** The vendor's id for the tenant. */
  externalId?: string | null | undefined;
  /** Organization; default the viewer's. Another one needs SUPERADMIN. */
  organizationId?: string | number | null | undefined;
  /** The vendor. */
  vendor: Vendor;
};

/** Bucket size of a usage series. Buckets are UTC; WEEK starts on Monday (ISO), MONTH on the 1st. */
export type Resolution =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** Gateway role: SUPERADMIN sees every organization, ADMIN its own, TEAM_ADMIN its team, MEMBER itself. */
export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'SUPERADMIN'
  | 'TEAM_ADMIN';

/** A usage metric. *_ACTIVE_USERS count distinct users (never summed across buckets or vendors); PRODUCTIVITY_FACTOR and CHAT_CONSUMPTION_RATE are activity-weighted ratios; AUTOMATION_FACTOR = COMPLETION_CHARS / (COMPLETION_CHARS + KEYSTROKES); the rest are sums. */
export type UsageMetric =
  | 'ACTIVE_USERS'
  | 'AUTOMATION_FACTOR'
  | 'CHAT_ACTIVE_USERS'
  | 'CHAT_CHARS'
  | 'CHAT_CONSUMPTION_RATE'
  | 'CHAT_INTERACTIONS'
  | 'CHAT_LINES'
  | 'CODE_COMPLETIONS'
  | 'COMPLETION_ACTIVE_USERS'
  | 'COMPLETION_CHARS'
  | 'COMPLETION_LINES'
  | 'CONNECTOR_ACTIVATIONS'
  | 'KEYSTROKES'
  | 'MESSAGES_SENT'
  | 'PRODUCTIVITY_FACTOR'
  | 'SESSION_SECONDS'
  | 'USEFUL_CHAT_INTERACTIONS';

/** Narrows a list of users. All given conditions must hold. */
export type UserFilterInput = {
  /** Only users with one of these roles. */
  roles?: Array<Role> | null | undefined;
  /** Only users with one of these statuses. */
  statuses?: Array<UserStatus> | null | undefined;
  /** true: only users in a team; false: only users without a team. */
  teamAssigned?: boolean | null | undefined;
};

/** HUMAN, APP (bot) or GUEST account. */
export type UserKind =
  | 'APP'
  | 'GUEST'
  | 'HUMAN';

/** Account state: REGISTERED (active account), PENDING (invited, never used), DEACTIVATED. */
export type UserStatus =
  | 'DEACTIVATED'
  | 'PENDING'
  | 'REGISTERED';

/** A tool whose usage the gateway holds. */
export type Vendor =
  | 'ROCKETCHAT'
  | 'TABNINE'
  | 'TEAMWIRE';

export type IssueApiTokenMutationVariables = Exact<{
  name: string;
  expiresInDays?: number | null | undefined;
}>;


export type IssueApiTokenMutation = { issueApiToken: { token: string, apiToken: { id: string, name: string, prefix: string, expiresAt: string | null, revokedAt: string | null } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { id: string, revokedAt: string | null } };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, prefix: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type RegisterSourceMutationVariables = Exact<{
  input: RegisterSourceInput;
}>;


export type RegisterSourceMutation = { registerSource: { id: string, vendor: Vendor, baseUrl: string | null, externalId: string | null } };

export type NestedUsageQueryVariables = Exact<{
  teams: number;
  users: number;
  from: string;
  to: string;
}>;


export type NestedUsageQuery = { organizations: { nodes: Array<{ id: string, name: string, teams: { nodes: Array<{ id: string, name: string, users: { nodes: Array<{ id: string, email: string, devices: Array<{ os: string, client: string }>, usage: { totals: Array<{ metric: UsageMetric, vendor: Vendor, value: number }> } }> } }> } }> } };

export type OrganizationOverviewQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type OrganizationOverviewQuery = { organization: { id: string, number: number, slug: string, name: string, domains: Array<string>, plan: string, privacyMode: string, samlEnabled: boolean, smtpConfigured: boolean, usernamePasswordEnabled: boolean, disabled: boolean, createdAt: string, sources: Array<{ id: string, vendor: Vendor, externalId: string | null, baseUrl: string | null, lastSyncAt: string | null, lastError: string | null }>, licenses: Array<{ vendor: Vendor, seats: number, seatsCap: number | null, audience: string | null, features: Array<string>, issuedAt: string | null, expiresAt: string | null }> } | null };

export type OrganizationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationsQuery = { organizations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string }> } };

export type OrganizationTeamsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationTeamsQuery = { organization: { teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, isDefault: boolean, usersCount: number, utilization: { registered: number, deactivated: number, invited: number } } }> } } | null };

export type OrganizationUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: UserFilterInput | null | undefined;
}>;


export type OrganizationUsersQuery = { organization: { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, email: string, role: Role, status: UserStatus, team: { id: string } | null }> } } | null };

export type OrganizationUsageQueryVariables = Exact<{
  id?: string | number | null | undefined;
  from: string;
  to: string;
  resolution: Resolution;
  vendor?: Vendor | null | undefined;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type OrganizationUsageQuery = { organization: { usage: { from: string, to: string, resolution: Resolution, points: Array<{ from: string, to: string, values: Array<{ metric: UsageMetric, vendor: Vendor, value: number }> }>, totals: Array<{ metric: UsageMetric, vendor: Vendor, value: number }> } } | null };

export type OrganizationStatisticsQueryVariables = Exact<{
  year: number;
  month?: number | null | undefined;
  vendor?: Vendor | null | undefined;
  discriminator: DeviceDiscriminator;
  os?: string | null | undefined;
  client?: string | null | undefined;
  startMonth?: string | null | undefined;
}>;


export type OrganizationStatisticsQuery = { organization: { deviceStats: Array<{ os: string | null, osVersion: string | null, client: string | null, clientVersion: string | null, isManaged: boolean | null, locale: string | null, total: number }>, activeUsers: { minYear: number, minMonth: number, points: Array<{ date: string, count: number, userIds: Array<string> | null }> }, activatedConnectors: { minYear: number, minMonth: number, points: Array<{ date: string, count: number }> }, sentMessages: { points: Array<{ date: string, count: number }> }, lastUsages: Array<{ year: number, month: number, users: number }>, accountUtilization: Array<{ year: number, month: number, registered: number, deactivated: number, active: number, pending: number }> } | null };

export type WorkspaceStatisticsQueryVariables = Exact<{
  vendor?: Vendor | null | undefined;
}>;


export type WorkspaceStatisticsQuery = { organization: { workspaceStatistics: { totalUsers: number, activeAccounts: number, pendingUsers: number, deactivatedUsers: number, guests: number, appUsers: number, clientUsers: number, neverActiveUsers: number, adminsCount: number, teamsCount: number, domainsCount: number, licenseSeats: number, devices: number, aiCompletions: number, aiChatInteractions: number, lastActiveAt: string | null, lastMessageSentAt: string | null, snapshotAt: string | null, presence: { online: number, away: number, busy: number, offline: number, connected: number }, userLanguages: Array<{ locale: string, total: number }>, messages: { total: number, channel: number, privateGroup: number, direct: number, livechat: number } } } | null };

export type StatisticsHistoryQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  oldestFirst?: boolean | null | undefined;
}>;


export type StatisticsHistoryQuery = { organization: { statisticsHistory: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, takenAt: string, totalUsers: number, activeUsers: number, totalMessages: number, payload: Record<string, unknown> }> } } | null };

export type TeamDetailQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
  resolution: Resolution;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type TeamDetailQuery = { team: { id: string, name: string, usersCount: number, organization: { id: string }, utilization: { registered: number, deactivated: number, invited: number }, users: { totalCount: number, nodes: Array<{ id: string, email: string }> }, usage: { totals: Array<{ metric: UsageMetric, vendor: Vendor, value: number }>, points: Array<{ from: string, values: Array<{ metric: UsageMetric, vendor: Vendor, value: number }> }> } } | null };

export type UserDetailQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
  resolution: Resolution;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type UserDetailQuery = { user: { id: string, email: string, name: string, firstName: string, lastName: string, username: string, role: Role, status: UserStatus, presence: Presence, kind: UserKind, locale: string | null, verified: boolean, lastActiveAt: string | null, deactivatedAt: string | null, createdAt: string, updatedAt: string, organization: { id: string }, team: { id: string, name: string } | null, identities: Array<{ vendor: Vendor, externalId: string, vendorRole: string | null }>, devices: Array<{ id: string, vendor: Vendor, os: string, osVersion: string, client: string, clientVersion: string, managed: boolean, locale: string, firstSeenAt: string, lastSeenAt: string, wipedAt: string | null }>, usage: { totals: Array<{ metric: UsageMetric, vendor: Vendor, value: number }>, points: Array<{ from: string, values: Array<{ metric: UsageMetric, vendor: Vendor, value: number }> }> } } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, email: string, role: Role, status: UserStatus, organization: { id: string, name: string, number: number }, team: { id: string, name: string } | null } };


export const IssueApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresInDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<IssueApiTokenMutation, IssueApiTokenMutationVariables>;
export const RevokeApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const ApiTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ApiTokensQuery, ApiTokensQueryVariables>;
export const RegisterSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterSourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]} as unknown as DocumentNode<RegisterSourceMutation, RegisterSourceMutationVariables>;
export const NestedUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NestedUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teams"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"users"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teams"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"users"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"client"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"EnumValue","value":"DAY"}},{"kind":"Argument","name":{"kind":"Name","value":"metrics"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ACTIVE_USERS"},{"kind":"EnumValue","value":"MESSAGES_SENT"},{"kind":"EnumValue","value":"CODE_COMPLETIONS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NestedUsageQuery, NestedUsageQueryVariables>;
export const OrganizationOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"privacyMode"}},{"kind":"Field","name":{"kind":"Name","value":"samlEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smtpConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"usernamePasswordEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}},{"kind":"Field","name":{"kind":"Name","value":"licenses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"seatsCap"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationOverviewQuery, OrganizationOverviewQueryVariables>;
export const OrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Organizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsQuery, OrganizationsQueryVariables>;
export const OrganizationTeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationTeams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"usersCount"}},{"kind":"Field","name":{"kind":"Name","value":"utilization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"deactivated"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationTeamsQuery, OrganizationTeamsQueryVariables>;
export const OrganizationUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationUsersQuery, OrganizationUsersQueryVariables>;
export const OrganizationUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Vendor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageMetric"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}}},{"kind":"Argument","name":{"kind":"Name","value":"vendor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}}},{"kind":"Argument","name":{"kind":"Name","value":"metrics"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationUsageQuery, OrganizationUsageQueryVariables>;
export const OrganizationStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Vendor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"discriminator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceDiscriminator"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"os"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"client"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startMonth"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"discriminator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"discriminator"}}},{"kind":"Argument","name":{"kind":"Name","value":"os"},"value":{"kind":"Variable","name":{"kind":"Name","value":"os"}}},{"kind":"Argument","name":{"kind":"Name","value":"client"},"value":{"kind":"Variable","name":{"kind":"Name","value":"client"}}},{"kind":"Argument","name":{"kind":"Name","value":"vendor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osVersion"}},{"kind":"Field","name":{"kind":"Name","value":"client"}},{"kind":"Field","name":{"kind":"Name","value":"clientVersion"}},{"kind":"Field","name":{"kind":"Name","value":"isManaged"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"vendor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minYear"}},{"kind":"Field","name":{"kind":"Name","value":"minMonth"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"userIds"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activatedConnectors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minYear"}},{"kind":"Field","name":{"kind":"Name","value":"minMonth"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"vendor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastUsages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"vendor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"users"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountUtilization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"startMonth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startMonth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"deactivated"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationStatisticsQuery, OrganizationStatisticsQueryVariables>;
export const WorkspaceStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Vendor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaceStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"vendor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"pendingUsers"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"guests"}},{"kind":"Field","name":{"kind":"Name","value":"appUsers"}},{"kind":"Field","name":{"kind":"Name","value":"clientUsers"}},{"kind":"Field","name":{"kind":"Name","value":"neverActiveUsers"}},{"kind":"Field","name":{"kind":"Name","value":"adminsCount"}},{"kind":"Field","name":{"kind":"Name","value":"teamsCount"}},{"kind":"Field","name":{"kind":"Name","value":"domainsCount"}},{"kind":"Field","name":{"kind":"Name","value":"licenseSeats"}},{"kind":"Field","name":{"kind":"Name","value":"devices"}},{"kind":"Field","name":{"kind":"Name","value":"presence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"away"}},{"kind":"Field","name":{"kind":"Name","value":"busy"}},{"kind":"Field","name":{"kind":"Name","value":"offline"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userLanguages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"privateGroup"}},{"kind":"Field","name":{"kind":"Name","value":"direct"}},{"kind":"Field","name":{"kind":"Name","value":"livechat"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aiCompletions"}},{"kind":"Field","name":{"kind":"Name","value":"aiChatInteractions"}},{"kind":"Field","name":{"kind":"Name","value":"lastActiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"snapshotAt"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceStatisticsQuery, WorkspaceStatisticsQueryVariables>;
export const StatisticsHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"oldestFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statisticsHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"oldestFirst"},"value":{"kind":"Variable","name":{"kind":"Name","value":"oldestFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"takenAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"totalMessages"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsHistoryQuery, StatisticsHistoryQueryVariables>;
export const TeamDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageMetric"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"usersCount"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"utilization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"deactivated"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}}},{"kind":"Argument","name":{"kind":"Name","value":"metrics"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamDetailQuery, TeamDetailQueryVariables>;
export const UserDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageMetric"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"presence"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"lastActiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"osVersion"}},{"kind":"Field","name":{"kind":"Name","value":"client"}},{"kind":"Field","name":{"kind":"Name","value":"clientVersion"}},{"kind":"Field","name":{"kind":"Name","value":"managed"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"wipedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}}},{"kind":"Argument","name":{"kind":"Name","value":"metrics"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UserDetailQuery, UserDetailQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;