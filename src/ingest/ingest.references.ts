import { randomUUID } from "node:crypto";
import { addressInDomains, mayWriteTo, type WriteAuthority } from "../auth/access.js";
import type { Prisma } from "../db/database.js";
import type { Role, Vendor } from "../db/generated/enums.js";
import { planOrganizations, type IngestOrganization } from "./ingest.organizations.js";
import type { IdentityRef, IngestDevice, IngestEvent, IngestProblem, IngestTeam, IngestUser, ParsedBatch } from "./ingest.schema.js";

/** An event whose user (from userId or identity) and team (given, or the user's current team) are known. */
export interface ResolvedEvent extends IngestEvent {
  readonly userId: string | null;
  readonly teamId: string | null;
}

export interface NewIdentity {
  readonly id: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly vendor: Vendor;
  readonly externalId: string;
  readonly vendorRole: string | null;
}

/** What a valid batch writes, each list sorted by its unique key so concurrent batches lock rows in one order. */
export interface IngestPlan {
  readonly received: number;
  readonly events: ResolvedEvent[];
  readonly organizations: IngestOrganization[];
  readonly teams: IngestTeam[];
  readonly users: (IngestUser & { readonly id: string; readonly exists: boolean })[];
  readonly identities: NewIdentity[];
  readonly devices: (IngestDevice & { readonly userId: string })[];
}

interface LookupRow {
  kind: "org" | "team" | "user" | "identity";
  id: string;
  org: string;
  team: string | null;
  key: string | null;
  /** The user's role (user and identity rows). */
  role: Role | null;
}

// One round trip for every reference of the batch: organizations, teams (by id or name), users
// (by id or email), identities (by vendor id, and all identities of the batch's users).
const LOOKUP_SQL = `
SELECT 'org' AS kind, o."id"::text AS id, o."id"::text AS org, NULL::text AS team, array_to_string(o."domains", ' ') AS key, NULL::text AS role
  FROM "Organization" o WHERE o."id" = ANY($1::uuid[])
UNION ALL
SELECT 'team', t."id"::text, t."organizationId"::text, NULL, t."name", NULL FROM "Team" t
  WHERE t."id" = ANY($2::uuid[]) OR (t."organizationId", t."name") IN (SELECT * FROM unnest($3::uuid[], $4::text[]))
UNION ALL
SELECT 'user', u."id"::text, u."organizationId"::text, u."teamId"::text, u."email", u."role"::text FROM "User" u
  WHERE u."id" = ANY($5::uuid[]) OR u."email" = ANY($6::text[])
UNION ALL
SELECT 'identity', i."userId"::text, i."organizationId"::text, u."teamId"::text, i."vendor"::text || ':' || i."externalId", u."role"::text
  FROM "Identity" i JOIN "User" u ON u."id" = i."userId"
  WHERE (i."organizationId", i."vendor"::text, i."externalId") IN (SELECT * FROM unnest($7::uuid[], $8::text[], $9::text[]))
     OR u."email" = ANY($6::text[])`;

const identityKey = (org: string, ref: IdentityRef) => `${org}|${ref.vendor}:${ref.externalId}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function lookup(prisma: Prisma, batch: ParsedBatch): Promise<LookupRow[]> {
  const orgs = new Set<string>();
  const teamIds = new Set<string>();
  const userIds = new Set<string>();
  const identities: [string, IdentityRef][] = [];
  for (const e of batch.events) {
    orgs.add(e.organizationId);
    if (e.teamId) teamIds.add(e.teamId);
    if (e.userId) userIds.add(e.userId);
    if (e.identity) identities.push([e.organizationId, e.identity]);
  }
  for (const o of batch.organizations) orgs.add(o.id);
  for (const t of batch.teams) {
    orgs.add(t.organizationId);
    teamIds.add(t.id);
  }
  for (const u of batch.users) {
    orgs.add(u.organizationId);
    if (u.teamId) teamIds.add(u.teamId);
    if (u.id) userIds.add(u.id);
    for (const i of u.identities ?? []) identities.push([u.organizationId, i]);
  }
  for (const d of batch.devices) {
    orgs.add(d.organizationId);
    if (d.userId) userIds.add(d.userId);
    if (d.identity) identities.push([d.organizationId, d.identity]);
  }
  const distinctIdentities = [...new Map(identities.map(([org, ref]) => [identityKey(org, ref), [org, ref] as const])).values()];
  return prisma.$queryRawUnsafe<LookupRow[]>(
    LOOKUP_SQL,
    [...orgs],
    [...teamIds],
    batch.teams.map((t) => t.organizationId),
    batch.teams.map((t) => t.name),
    [...userIds],
    batch.users.map((u) => u.email),
    distinctIdentities.map(([org]) => org),
    distinctIdentities.map(([, ref]) => ref.vendor),
    distinctIdentities.map(([, ref]) => ref.externalId),
  );
}

/**
 * Checks every reference of a parsed batch against the store (one query) and against the
 * teams, users and identities the batch itself declares: organizations the authority may write
 * to (each organization's settings at most once), existing users only of the roles it manages, teams and users of the same organization,
 * known identities, no clashes with existing teams, emails or identities.
 */
export async function resolveBatch(
  prisma: Prisma,
  authority: WriteAuthority,
  batch: ParsedBatch,
): Promise<{ plan: IngestPlan } | { problems: IngestProblem[] }> {
  const rows = await lookup(prisma, batch);
  const problems: IngestProblem[] = [];
  const problem = (list: IngestProblem["list"], index: number, field: string, reason: string) =>
    void problems.push({ list, index, field, reason });

  const orgs = new Set(rows.filter((r) => r.kind === "org" && mayWriteTo(authority, r.id)).map((r) => r.id));
  const domainsOf = new Map(rows.filter((r) => r.kind === "org").map((r) => [r.id, (r.key ?? "").split(" ").filter(Boolean)]));
  // One answer for an address of another tenant and one outside the organization's domains, so
  // that a batch cannot tell whether an email exists elsewhere. No domains: any new address.
  const foreignAddress = (org: string) => {
    const domains = domainsOf.get(org) ?? [];
    return `is not an address this organization may use${domains.length ? ` (its domains: ${domains.join(", ")})` : ""}`;
  };
  const inDomains = (org: string, email: string) => {
    return addressInDomains(email, domainsOf.get(org) ?? []);
  };
  const teams = new Map<string, string>(); // team id → organization
  const teamByName = new Map<string, string>(); // org|name → team id
  const users = new Map<string, { org: string; team: string | null; email: string | null }>();
  const userByEmail = new Map<string, { id: string; org: string; role: Role | null }>();
  const identities = new Map<string, { userId: string; team: string | null }>();
  const userVendor = new Map<string, string>(); // userId|vendor → externalId
  const storedRole = new Map<string, Role>(); // userId → role of a user already in the store
  for (const r of rows) {
    const key = r.key ?? "";
    if ((r.kind === "user" || r.kind === "identity") && r.role) storedRole.set(r.id, r.role);
    if (r.kind === "team") {
      teams.set(r.id, r.org);
      teamByName.set(`${r.org}|${key}`, r.id);
    } else if (r.kind === "user") {
      users.set(r.id, { org: r.org, team: r.team, email: key });
      userByEmail.set(key, { id: r.id, org: r.org, role: r.role });
    } else if (r.kind === "identity") {
      const colon = key.indexOf(":");
      identities.set(`${r.org}|${key}`, { userId: r.id, team: r.team });
      userVendor.set(`${r.id}|${key.slice(0, colon)}`, key.slice(colon + 1));
    }
  }
  const unknownOrg = (list: IngestProblem["list"], index: number, org: string) => {
    if (orgs.has(org)) return false;
    problem(list, index, "organizationId", "not an organization you may ingest into");
    return true;
  };

  const organizations = planOrganizations(batch.organizations, orgs, problem);

  const batchTeams = new Set<string>();
  for (const t of batch.teams) {
    if (unknownOrg("teams", t.index, t.organizationId)) continue;
    const nameKey = `${t.organizationId}|${t.name}`;
    const byName = teamByName.get(nameKey);
    if (batchTeams.has(t.id) || batchTeams.has(nameKey)) problem("teams", t.index, "id", "the batch declares this team (id or name) twice");
    else if (teams.has(t.id) && teams.get(t.id) !== t.organizationId) problem("teams", t.index, "id", "is taken by another team");
    else if (byName && byName !== t.id) problem("teams", t.index, "name", `another team of the organization has this name (id ${byName})`);
    else {
      teams.set(t.id, t.organizationId);
      teamByName.set(nameKey, t.id);
    }
    batchTeams.add(t.id).add(nameKey);
  }

  const planUsers: IngestPlan["users"] = [];
  const newIdentities: NewIdentity[] = [];
  const emails = new Set<string>();
  for (const u of batch.users) {
    if (unknownOrg("users", u.index, u.organizationId)) continue;
    const existing = userByEmail.get(u.email);
    if (emails.has(u.email)) {
      problem("users", u.index, "email", "appears twice in the batch");
      continue;
    }
    emails.add(u.email);
    if ((existing && existing.org !== u.organizationId) || (!existing && !inDomains(u.organizationId, u.email))) {
      problem("users", u.index, "email", foreignAddress(u.organizationId));
      continue;
    }
    // The role of an existing user the writer does not manage (null when it may change the user).
    const aboveRole = existing?.role && !authority.manages.includes(existing.role) ? existing.role : null;
    if (aboveRole && authority.aboveManaged === "refuse") {
      problem(
        "users",
        u.index,
        "email",
        `is a ${aboveRole} user: a batch may only change users of a lower role than yours (${authority.manages.join(", ") || "none"})`,
      );
      continue;
    }
    if (existing && u.id && u.id !== existing.id) {
      problem("users", u.index, "id", `the user with this email has id ${existing.id}`);
      continue;
    }
    if (!existing && u.id && users.has(u.id)) {
      problem("users", u.index, "id", "is taken by another user");
      continue;
    }
    if (u.teamId && teams.get(u.teamId) !== u.organizationId) {
      problem("users", u.index, "teamId", "not a team of this organization");
      continue;
    }
    const id = existing?.id ?? u.id ?? randomUUID();
    // A user above the writer's roles keeps its profile: only its identities may be linked.
    const row: IngestUser = aboveRole ? { organizationId: u.organizationId, email: u.email, index: u.index, identities: u.identities } : u;
    const team = row.teamId ?? users.get(id)?.team ?? null;
    users.set(id, { org: u.organizationId, team, email: u.email });
    planUsers.push({ ...row, id, exists: Boolean(existing) });
    (u.identities ?? []).forEach((ref, n) => {
      const key = identityKey(u.organizationId, ref);
      const owner = identities.get(key);
      const current = userVendor.get(`${id}|${ref.vendor}`);
      if (owner && owner.userId !== id) problem("users", u.index, `identities.${n}`, "belongs to another user");
      else if (current !== undefined && current !== ref.externalId)
        problem("users", u.index, `identities.${n}`, `the user already has the ${ref.vendor} identity ${current}`);
      else if (!owner) {
        identities.set(key, { userId: id, team });
        userVendor.set(`${id}|${ref.vendor}`, ref.externalId);
        newIdentities.push({
          id: randomUUID(),
          organizationId: u.organizationId,
          userId: id,
          vendor: ref.vendor,
          externalId: ref.externalId,
          vendorRole: ref.vendorRole ?? null,
        });
      } else identities.set(key, { userId: id, team });
    });
  }

  const userOf = (list: IngestProblem["list"], index: number, org: string, userId: string | null, ref: IdentityRef | null) => {
    if (userId) {
      const user = users.get(userId);
      if (user?.org === org) return { userId, team: user.team };
      problem(list, index, "userId", "not a user of this organization");
    } else if (ref) {
      const owner = identities.get(identityKey(org, ref));
      if (owner) return { userId: owner.userId, team: users.get(owner.userId)?.team ?? owner.team };
      problem(list, index, "identity", `no ${ref.vendor} identity ${JSON.stringify(ref.externalId)} in this organization`);
    }
    return undefined;
  };

  const events: ResolvedEvent[] = [];
  for (const e of batch.events) {
    if (unknownOrg("events", e.index, e.organizationId)) continue;
    const user = e.userId || e.identity ? userOf("events", e.index, e.organizationId, e.userId, e.identity) : { userId: null, team: null };
    if (!user) continue;
    if (e.teamId && teams.get(e.teamId) !== e.organizationId) {
      problem("events", e.index, "teamId", "not a team of this organization");
      continue;
    }
    events.push({ ...e, userId: user.userId, teamId: e.teamId ?? user.team });
  }

  const devices: IngestPlan["devices"] = [];
  const deviceKeys = new Set<string>();
  for (const d of batch.devices) {
    if (unknownOrg("devices", d.index, d.organizationId)) continue;
    const deviceKey = `${d.vendor}|${d.externalId}`;
    if (deviceKeys.has(deviceKey)) {
      problem("devices", d.index, "externalId", "the batch declares this device twice");
      continue;
    }
    deviceKeys.add(deviceKey);
    const user = userOf("devices", d.index, d.organizationId, d.userId ?? null, d.identity ?? null);
    if (!user) continue;
    // The same role order as users[]: a viewer's batch changes no device of a user above its roles.
    const role = storedRole.get(user.userId);
    if (role && !authority.manages.includes(role) && authority.aboveManaged === "refuse") {
      problem(
        "devices",
        d.index,
        d.userId ? "userId" : "identity",
        `belongs to a ${role} user: a batch may only change devices of users of a lower role than yours (${authority.manages.join(", ") || "none"})`,
      );
      continue;
    }
    devices.push({ ...d, userId: user.userId });
  }

  if (problems.length > 0) return { problems };
  return {
    plan: {
      received: batch.received,
      events: events.sort((a, b) => compare(a.organizationId, b.organizationId) || compare(a.idempotencyKey, b.idempotencyKey)),
      organizations,
      teams: [...batch.teams].sort((a, b) => compare(a.id, b.id)),
      users: planUsers.sort((a, b) => compare(a.email, b.email)),
      identities: newIdentities.sort((a, b) =>
        compare(`${a.organizationId}|${a.vendor}|${a.externalId}`, `${b.organizationId}|${b.vendor}|${b.externalId}`),
      ),
      devices: devices.sort((a, b) =>
        compare(`${a.organizationId}|${a.vendor}|${a.externalId}`, `${b.organizationId}|${b.vendor}|${b.externalId}`),
      ),
    },
  };
}
