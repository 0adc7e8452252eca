/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type ConsoleSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type ConsoleSignInMutation = { login: { token: string, expiresAt: string } };

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { viewer: { id: string, name: string, email: string, role: Role, organization: { id: string, name: string } } };

export type ConsoleOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOrganizationsQuery = { organizations: { nodes: Array<{ id: string, name: string, slug: string }> } };

export type ConsoleOrganizationQueryVariables = Exact<{
  organizationId?: string | number | null | undefined;
}>;


export type ConsoleOrganizationQuery = { organization: { id: string, name: string, sources: Array<{ vendor: Vendor }> } | null };

export type ConsoleValueFragment = { vendor: Vendor, metric: UsageMetric, value: number };

export type ConsoleSeriesFragment = { points: Array<{ from: string, to: string, values: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> }>, totals: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> };

export type ConsoleOrganizationUsageQueryVariables = Exact<{
  organizationId?: string | number | null | undefined;
  from: string;
  to: string;
  resolution: Resolution;
  timeZone?: string | null | undefined;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type ConsoleOrganizationUsageQuery = { organization: { id: string, usage: { points: Array<{ from: string, to: string, values: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> }>, totals: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> } } | null };

export type ConsoleCalendarFragment = { points: Array<{ date: string, count: number }> };

export type ConsoleActiveUsersQueryVariables = Exact<{
  organizationId?: string | number | null | undefined;
  year: number;
  month: number;
  timeZone?: string | null | undefined;
}>;


export type ConsoleActiveUsersQuery = { organization: { id: string, daily: { points: Array<{ date: string, count: number }> }, dailyTeamwire: { points: Array<{ date: string, count: number }> }, dailyRocketchat: { points: Array<{ date: string, count: number }> }, dailyTabnine: { points: Array<{ date: string, count: number }> }, monthly: { points: Array<{ date: string, count: number }> }, monthlyTeamwire: { points: Array<{ date: string, count: number }> }, monthlyRocketchat: { points: Array<{ date: string, count: number }> }, monthlyTabnine: { points: Array<{ date: string, count: number }> } } | null };

export type ConsoleDevicesQueryVariables = Exact<{
  organizationId?: string | number | null | undefined;
}>;


export type ConsoleDevicesQuery = { organization: { id: string, os: Array<{ os: string | null, total: number }>, client: Array<{ client: string | null, total: number }>, managed: Array<{ client: string | null, os: string | null, isManaged: boolean | null, total: number }>, locale: Array<{ locale: string | null, total: number }> } | null };

export type ConsoleSeatsFragment = { activeAccounts: number, totalUsers: number, licenseSeats: number };

export type ConsoleWorkspaceQueryVariables = Exact<{
  organizationId?: string | number | null | undefined;
}>;


export type ConsoleWorkspaceQuery = { organization: { id: string, workspaceStatistics: { totalUsers: number, activeAccounts: number, clientUsers: number, neverActiveUsers: number, pendingUsers: number, deactivatedUsers: number, guests: number, appUsers: number, adminsCount: number, teamsCount: number, devices: number, aiCompletions: number, aiChatInteractions: number, lastActiveAt: string | null, messages: { total: number, channel: number, privateGroup: number, direct: number, livechat: number } }, licenses: Array<{ vendor: Vendor, seats: number, seatsCap: number | null, issuedAt: string | null, expiresAt: string | null }>, teamwire: { activeAccounts: number, totalUsers: number, licenseSeats: number }, rocketchat: { activeAccounts: number, totalUsers: number, licenseSeats: number }, tabnine: { activeAccounts: number, totalUsers: number, licenseSeats: number } } | null };

export type ConsoleTeamsQueryVariables = Exact<{
  organizationId?: string | number | null | undefined;
  from: string;
  to: string;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type ConsoleTeamsQuery = { organization: { id: string, sources: Array<{ vendor: Vendor }>, teams: { totalCount: number, nodes: Array<{ id: string, name: string, isDefault: boolean, usersCount: number, utilization: { registered: number, invited: number, deactivated: number }, usage: { totals: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> } }> } } | null };

export type ConsoleTeamQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
  resolution: Resolution;
  timeZone?: string | null | undefined;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type ConsoleTeamQuery = { team: { id: string, name: string, isDefault: boolean, usersCount: number, utilization: { registered: number, invited: number, deactivated: number }, organization: { id: string, name: string, sources: Array<{ vendor: Vendor }> }, usage: { points: Array<{ from: string, to: string, values: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> }>, totals: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> }, users: { nodes: Array<{ id: string, name: string, email: string, role: Role, status: UserStatus, lastActiveAt: string | null }> } } | null };

export type ConsoleUsersQueryVariables = Exact<{
  organizationId?: string | number | null | undefined;
  first: number;
  after?: string | null | undefined;
  from: string;
  to: string;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type ConsoleUsersQuery = { organization: { id: string, users: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: string, name: string, email: string, role: Role, status: UserStatus, lastActiveAt: string | null, team: { id: string, name: string } | null, identities: Array<{ vendor: Vendor }>, usage: { totals: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> } }> } } | null };

export type ConsoleUserQueryVariables = Exact<{
  userId: string | number;
  from: string;
  to: string;
  resolution: Resolution;
  timeZone?: string | null | undefined;
  metrics?: Array<UsageMetric> | UsageMetric | null | undefined;
}>;


export type ConsoleUserQuery = { user: { id: string, name: string, email: string, role: Role, status: UserStatus, locale: string | null, lastActiveAt: string | null, createdAt: string, team: { id: string, name: string } | null, organization: { id: string, name: string }, identities: Array<{ vendor: Vendor, externalId: string, vendorRole: string | null }>, devices: Array<{ id: string, vendor: Vendor, os: string, osVersion: string, client: string, clientVersion: string, managed: boolean, lastSeenAt: string }>, usage: { points: Array<{ from: string, to: string, values: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> }>, totals: Array<{ vendor: Vendor, metric: UsageMetric, value: number }> } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConsoleValueFragmentDoc = new TypedDocumentString(`
    fragment ConsoleValue on UsageValue {
  vendor
  metric
  value
}
    `, {"fragmentName":"ConsoleValue"}) as unknown as TypedDocumentString<ConsoleValueFragment, unknown>;
export const ConsoleSeriesFragmentDoc = new TypedDocumentString(`
    fragment ConsoleSeries on UsageSeries {
  points {
    from
    to
    values {
      ...ConsoleValue
    }
  }
  totals {
    ...ConsoleValue
  }
}
    fragment ConsoleValue on UsageValue {
  vendor
  metric
  value
}`, {"fragmentName":"ConsoleSeries"}) as unknown as TypedDocumentString<ConsoleSeriesFragment, unknown>;
export const ConsoleCalendarFragmentDoc = new TypedDocumentString(`
    fragment ConsoleCalendar on CalendarSeries {
  points {
    date
    count
  }
}
    `, {"fragmentName":"ConsoleCalendar"}) as unknown as TypedDocumentString<ConsoleCalendarFragment, unknown>;
export const ConsoleSeatsFragmentDoc = new TypedDocumentString(`
    fragment ConsoleSeats on WorkspaceStatistics {
  activeAccounts
  totalUsers
  licenseSeats
}
    `, {"fragmentName":"ConsoleSeats"}) as unknown as TypedDocumentString<ConsoleSeatsFragment, unknown>;
export const ConsoleSignInDocument = new TypedDocumentString(`
    mutation ConsoleSignIn($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleSignInMutation, ConsoleSignInMutationVariables>;
export const ConsoleViewerDocument = new TypedDocumentString(`
    query ConsoleViewer {
  viewer {
    id
    name
    email
    role
    organization {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleOrganizationsDocument = new TypedDocumentString(`
    query ConsoleOrganizations {
  organizations(first: 500) {
    nodes {
      id
      name
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleOrganizationsQuery, ConsoleOrganizationsQueryVariables>;
export const ConsoleOrganizationDocument = new TypedDocumentString(`
    query ConsoleOrganization($organizationId: ID) {
  organization(id: $organizationId) {
    id
    name
    sources {
      vendor
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleOrganizationQuery, ConsoleOrganizationQueryVariables>;
export const ConsoleOrganizationUsageDocument = new TypedDocumentString(`
    query ConsoleOrganizationUsage($organizationId: ID, $from: DateTimeISO!, $to: DateTimeISO!, $resolution: Resolution!, $timeZone: String, $metrics: [UsageMetric!]) {
  organization(id: $organizationId) {
    id
    usage(
      from: $from
      to: $to
      resolution: $resolution
      timeZone: $timeZone
      metrics: $metrics
    ) {
      ...ConsoleSeries
    }
  }
}
    fragment ConsoleValue on UsageValue {
  vendor
  metric
  value
}
fragment ConsoleSeries on UsageSeries {
  points {
    from
    to
    values {
      ...ConsoleValue
    }
  }
  totals {
    ...ConsoleValue
  }
}`) as unknown as TypedDocumentString<ConsoleOrganizationUsageQuery, ConsoleOrganizationUsageQueryVariables>;
export const ConsoleActiveUsersDocument = new TypedDocumentString(`
    query ConsoleActiveUsers($organizationId: ID, $year: Int!, $month: Int!, $timeZone: String) {
  organization(id: $organizationId) {
    id
    daily: activeUsers(year: $year, month: $month, timeZone: $timeZone) {
      ...ConsoleCalendar
    }
    dailyTeamwire: activeUsers(
      year: $year
      month: $month
      vendor: TEAMWIRE
      timeZone: $timeZone
    ) {
      ...ConsoleCalendar
    }
    dailyRocketchat: activeUsers(
      year: $year
      month: $month
      vendor: ROCKETCHAT
      timeZone: $timeZone
    ) {
      ...ConsoleCalendar
    }
    dailyTabnine: activeUsers(
      year: $year
      month: $month
      vendor: TABNINE
      timeZone: $timeZone
    ) {
      ...ConsoleCalendar
    }
    monthly: activeUsers(year: $year, timeZone: $timeZone) {
      ...ConsoleCalendar
    }
    monthlyTeamwire: activeUsers(year: $year, vendor: TEAMWIRE, timeZone: $timeZone) {
      ...ConsoleCalendar
    }
    monthlyRocketchat: activeUsers(
      year: $year
      vendor: ROCKETCHAT
      timeZone: $timeZone
    ) {
      ...ConsoleCalendar
    }
    monthlyTabnine: activeUsers(year: $year, vendor: TABNINE, timeZone: $timeZone) {
      ...ConsoleCalendar
    }
  }
}
    fragment ConsoleCalendar on CalendarSeries {
  points {
    date
    count
  }
}`) as unknown as TypedDocumentString<ConsoleActiveUsersQuery, ConsoleActiveUsersQueryVariables>;
export const ConsoleDevicesDocument = new TypedDocumentString(`
    query ConsoleDevices($organizationId: ID) {
  organization(id: $organizationId) {
    id
    os: deviceStats(discriminator: OS) {
      os
      total
    }
    client: deviceStats(discriminator: CLIENT) {
      client
      total
    }
    managed: deviceStats(discriminator: IS_MANAGED) {
      client
      os
      isManaged
      total
    }
    locale: deviceStats(discriminator: LOCALE) {
      locale
      total
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleDevicesQuery, ConsoleDevicesQueryVariables>;
export const ConsoleWorkspaceDocument = new TypedDocumentString(`
    query ConsoleWorkspace($organizationId: ID) {
  organization(id: $organizationId) {
    id
    workspaceStatistics {
      totalUsers
      activeAccounts
      clientUsers
      neverActiveUsers
      pendingUsers
      deactivatedUsers
      guests
      appUsers
      adminsCount
      teamsCount
      devices
      aiCompletions
      aiChatInteractions
      lastActiveAt
      messages {
        total
        channel
        privateGroup
        direct
        livechat
      }
    }
    licenses {
      vendor
      seats
      seatsCap
      issuedAt
      expiresAt
    }
    teamwire: workspaceStatistics(vendor: TEAMWIRE) {
      ...ConsoleSeats
    }
    rocketchat: workspaceStatistics(vendor: ROCKETCHAT) {
      ...ConsoleSeats
    }
    tabnine: workspaceStatistics(vendor: TABNINE) {
      ...ConsoleSeats
    }
  }
}
    fragment ConsoleSeats on WorkspaceStatistics {
  activeAccounts
  totalUsers
  licenseSeats
}`) as unknown as TypedDocumentString<ConsoleWorkspaceQuery, ConsoleWorkspaceQueryVariables>;
export const ConsoleTeamsDocument = new TypedDocumentString(`
    query ConsoleTeams($organizationId: ID, $from: DateTimeISO!, $to: DateTimeISO!, $metrics: [UsageMetric!]) {
  organization(id: $organizationId) {
    id
    sources {
      vendor
    }
    teams(first: 500) {
      totalCount
      nodes {
        id
        name
        isDefault
        usersCount
        utilization {
          registered
          invited
          deactivated
        }
        usage(from: $from, to: $to, resolution: MONTH, metrics: $metrics) {
          totals {
            ...ConsoleValue
          }
        }
      }
    }
  }
}
    fragment ConsoleValue on UsageValue {
  vendor
  metric
  value
}`) as unknown as TypedDocumentString<ConsoleTeamsQuery, ConsoleTeamsQueryVariables>;
export const ConsoleTeamDocument = new TypedDocumentString(`
    query ConsoleTeam($teamId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $resolution: Resolution!, $timeZone: String, $metrics: [UsageMetric!]) {
  team(id: $teamId) {
    id
    name
    isDefault
    usersCount
    utilization {
      registered
      invited
      deactivated
    }
    organization {
      id
      name
      sources {
        vendor
      }
    }
    usage(
      from: $from
      to: $to
      resolution: $resolution
      timeZone: $timeZone
      metrics: $metrics
    ) {
      ...ConsoleSeries
    }
    users(first: 500) {
      nodes {
        id
        name
        email
        role
        status
        lastActiveAt
      }
    }
  }
}
    fragment ConsoleValue on UsageValue {
  vendor
  metric
  value
}
fragment ConsoleSeries on UsageSeries {
  points {
    from
    to
    values {
      ...ConsoleValue
    }
  }
  totals {
    ...ConsoleValue
  }
}`) as unknown as TypedDocumentString<ConsoleTeamQuery, ConsoleTeamQueryVariables>;
export const ConsoleUsersDocument = new TypedDocumentString(`
    query ConsoleUsers($organizationId: ID, $first: Int!, $after: String, $from: DateTimeISO!, $to: DateTimeISO!, $metrics: [UsageMetric!]) {
  organization(id: $organizationId) {
    id
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        email
        role
        status
        team {
          id
          name
        }
        identities {
          vendor
        }
        lastActiveAt
        usage(from: $from, to: $to, resolution: MONTH, metrics: $metrics) {
          totals {
            ...ConsoleValue
          }
        }
      }
    }
  }
}
    fragment ConsoleValue on UsageValue {
  vendor
  metric
  value
}`) as unknown as TypedDocumentString<ConsoleUsersQuery, ConsoleUsersQueryVariables>;
export const ConsoleUserDocument = new TypedDocumentString(`
    query ConsoleUser($userId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $resolution: Resolution!, $timeZone: String, $metrics: [UsageMetric!]) {
  user(id: $userId) {
    id
    name
    email
    role
    status
    locale
    lastActiveAt
    createdAt
    team {
      id
      name
    }
    organization {
      id
      name
    }
    identities {
      vendor
      externalId
      vendorRole
    }
    devices {
      id
      vendor
      os
      osVersion
      client
      clientVersion
      managed
      lastSeenAt
    }
    usage(
      from: $from
      to: $to
      resolution: $resolution
      timeZone: $timeZone
      metrics: $metrics
    ) {
      ...ConsoleSeries
    }
  }
}
    fragment ConsoleValue on UsageValue {
  vendor
  metric
  value
}
fragment ConsoleSeries on UsageSeries {
  points {
    from
    to
    values {
      ...ConsoleValue
    }
  }
  totals {
    ...ConsoleValue
  }
}`) as unknown as TypedDocumentString<ConsoleUserQuery, ConsoleUserQueryVariables>;