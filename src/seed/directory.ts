import type { Prisma as P } from "../db/generated/client.js";
import type { Role, UserStatus, Vendor } from "../db/generated/enums.js";
import { hashPassword } from "../auth/password.js";
import { DEFAULT_PRIVACY_MODE } from "../vendors/teamwire/privacy-mode.js";
import {
  DEVICE_MODELS,
  FIRST_NAMES,
  LAST_NAMES,
  LOCALES,
  ORGANIZATION_NAMES,
  PRIVACY_MODE_SPREAD,
  TABNINE_ROLES,
  TEAM_NAMES,
  VENDOR_MIXES,
} from "./catalog.js";
import type { SeedOptions } from "./options.js";
import { Random } from "./random.js";

export const DAY_MS = 86_400_000;
/** Password of every seeded admin, printed by `npm start` next to the demo logins. */
export const DEMO_PASSWORD = "demo-password";
export const SUPERADMIN_EMAIL = "superadmin@demo.test";

/** A seeded user with the days (indices into the history) on which it used each vendor. */
export interface SeededUser {
  readonly index: number;
  readonly row: P.UserCreateManyInput & { id: string; createdAt: Date };
  /** Vendors the user has an identity at. */
  readonly vendors: readonly Vendor[];
  readonly activeDays: ReadonlyMap<Vendor, readonly number[]>;
  /** How busy the user is, 0..1: scales message and completion volumes. */
  readonly intensity: number;
}

/** An organization with its directory, everything but usage events and snapshots. */
export interface SeededOrganization {
  readonly index: number;
  readonly row: P.OrganizationCreateManyInput & { id: string; slug: string; number: number; createdAt: Date };
  readonly vendors: readonly Vendor[];
  readonly teams: (P.TeamCreateManyInput & { id: string })[];
  readonly users: SeededUser[];
  readonly identities: P.IdentityCreateManyInput[];
  readonly devices: P.DeviceCreateManyInput[];
}

export function historyStart(options: SeedOptions): number {
  return Date.parse(`${options.endDate}T00:00:00.000Z`) - options.days * DAY_MS;
}

function slugAndName(index: number): [string, string] {
  const known = ORGANIZATION_NAMES[index];
  if (known) return [known[0], known[1]];
  const [slug, name] = ORGANIZATION_NAMES[index % ORGANIZATION_NAMES.length]!;
  const round = Math.floor(index / ORGANIZATION_NAMES.length) + 1;
  return [`${slug}${round}`, `${name} ${round}`];
}

function asciiLocalPart(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

/** Builds one organization's directory and activity calendar, deterministically. */
export function generateOrganization(options: SeedOptions, index: number): SeededOrganization {
  const rnd = Random.for(options.seed, "org", index);
  const [slug, name] = slugAndName(index);
  const start = historyStart(options);
  const vendors = VENDOR_MIXES[index % VENDOR_MIXES.length]!;
  const orgId = rnd.uuid();
  const domainDraw = rnd.chance(0.5);
  // The privacy mode is by position (a spread, see the catalog); without Teamwire, the default.
  // The draw it once took stays, so that the rest of the organization is as it was.
  rnd.float();
  const privacyMode = vendors.includes("TEAMWIRE") ? PRIVACY_MODE_SPREAD[index % PRIVACY_MODE_SPREAD.length]! : DEFAULT_PRIVACY_MODE;
  const row = {
    id: orgId,
    number: index + 1,
    slug,
    name,
    // The first organization also holds the SUPERADMIN, whose address must be one of its domains.
    domains: [`${slug}.test`, ...(domainDraw ? [`${slug}-group.test`] : []), ...(index === 0 ? [SUPERADMIN_EMAIL.split("@")[1]!] : [])],
    plan: "Enterprise",
    privacyMode,
    samlEnabled: rnd.chance(0.5),
    smtpConfigured: true,
    usernamePasswordEnabled: rnd.chance(0.5),
    publicKey: null,
    disabled: false,
    createdAt: new Date(start - 400 * DAY_MS),
    updatedAt: new Date(start),
  };

  const teams = [
    { id: rnd.uuid(), organizationId: orgId, name: "Default Team", isDefault: true, createdAt: row.createdAt, updatedAt: row.createdAt },
    ...Array.from({ length: options.teamsPerOrganization - 1 }, (_, t) => ({
      id: rnd.uuid(),
      organizationId: orgId,
      name: TEAM_NAMES[t % TEAM_NAMES.length]! + (t >= TEAM_NAMES.length ? ` ${Math.floor(t / TEAM_NAMES.length) + 1}` : ""),
      isDefault: false,
      createdAt: row.createdAt,
      updatedAt: row.createdAt,
    })),
  ];
  const workTeams = teams.length > 1 ? teams.slice(1) : teams;

  const users: SeededUser[] = [];
  const identities: P.IdentityCreateManyInput[] = [];
  const devices: P.DeviceCreateManyInput[] = [];
  const teamAdmins = Math.max(1, Math.floor(options.usersPerOrganization / 25));
  const total = options.usersPerOrganization + (index === 0 ? 1 : 0);

  for (let u = 0; u < total; u++) {
    const ur = Random.for(options.seed, "org", index, "user", u);
    const isSuper = index === 0 && u === total - 1;
    const role: Role = isSuper ? "SUPERADMIN" : u === 0 ? "ADMIN" : u <= teamAdmins ? "TEAM_ADMIN" : "MEMBER";
    const firstName = isSuper ? "Demo" : ur.pick(FIRST_NAMES);
    const lastName = isSuper ? "Superadmin" : ur.pick(LAST_NAMES);
    const email = isSuper
      ? SUPERADMIN_EMAIL
      : u === 0
        ? `admin@${slug}.test`
        : `${asciiLocalPart(firstName)}.${asciiLocalPart(lastName)}${u}@${slug}.test`;
    const privileged = role !== "MEMBER";
    const status: UserStatus = privileged
      ? "REGISTERED"
      : ur.weighted([
          ["REGISTERED", 85],
          ["PENDING", 7],
          ["DEACTIVATED", 8],
        ] as const);
    const kind =
      privileged || !vendors.includes("ROCKETCHAT")
        ? "HUMAN"
        : ur.weighted([
            ["HUMAN", 96],
            ["APP", 2],
            ["GUEST", 2],
          ] as const);
    const createdDay =
      status === "PENDING"
        ? options.days - ur.int(1, Math.min(30, options.days))
        : privileged || ur.chance(0.7)
          ? -ur.int(1, 600)
          : ur.int(0, options.days - 1);
    const createdAt = new Date(start + createdDay * DAY_MS + ur.int(8, 17) * 3_600_000);
    const deactivatedDay = status === "DEACTIVATED" ? ur.int(Math.max(createdDay + 1, 1), options.days) : undefined;
    const deactivatedAt = deactivatedDay === undefined ? null : new Date(start + deactivatedDay * DAY_MS - 3_600_000);
    const team = role === "TEAM_ADMIN" ? workTeams[(u - 1) % workTeams.length]! : ur.chance(0.85) ? ur.pick(workTeams) : null;
    const locale = ur.weighted(LOCALES);
    const userVendors = vendors.filter(() => privileged || ur.chance(0.92));
    const intensity = 0.25 + ur.float() * 0.7;

    const activeDays = new Map<Vendor, number[]>();
    if (status !== "PENDING" && kind !== "APP") {
      const factor = { TEAMWIRE: 0.9, ROCKETCHAT: 0.85, TABNINE: 0.7 } as const;
      for (const vendor of userVendors) {
        const days: number[] = [];
        const from = Math.max(0, createdDay);
        const to = deactivatedDay ?? options.days;
        for (let d = from; d < to; d++) {
          const weekday = new Date(start + d * DAY_MS).getUTCDay();
          const weekend = weekday === 0 || weekday === 6;
          const growth = 0.75 + (0.25 * d) / options.days;
          if (ur.chance(intensity * factor[vendor] * growth * (weekend ? 0.12 : 1))) days.push(d);
        }
        activeDays.set(vendor, days);
      }
    }
    const lastActiveDay = Math.max(-1, ...[...activeDays.values()].map((days) => days.at(-1) ?? -1));
    const lastActiveAt = lastActiveDay < 0 ? null : new Date(start + lastActiveDay * DAY_MS + 17 * 3_600_000);
    const userId = ur.uuid();
    const updatedAt = new Date(Math.max(createdAt.getTime(), deactivatedAt?.getTime() ?? 0, lastActiveAt?.getTime() ?? 0));

    users.push({
      index: u,
      intensity,
      vendors: userVendors,
      activeDays,
      row: {
        id: userId,
        organizationId: orgId,
        teamId: team?.id ?? null,
        email,
        username: email,
        firstName,
        lastName,
        role,
        status,
        presence:
          status === "REGISTERED"
            ? ur.weighted([
                ["ONLINE", 10],
                ["AWAY", 2],
                ["BUSY", 1],
                ["OFFLINE", 87],
              ] as const)
            : "OFFLINE",
        kind,
        locale,
        verified: status !== "PENDING",
        passwordHash: role === "ADMIN" || role === "SUPERADMIN" ? hashPassword(DEMO_PASSWORD, `seed-${options.seed}-${email}`) : null,
        lastActiveAt,
        lastLoginAt: lastActiveAt,
        deactivatedAt,
        createdAt,
        updatedAt,
      },
    });

    for (const vendor of userVendors) {
      identities.push({
        id: ur.uuid(),
        organizationId: orgId,
        userId,
        vendor,
        externalId:
          vendor === "ROCKETCHAT" ? ur.meteorId() : vendor === "TABNINE" ? ur.uuid() : `${row.number}${String(u).padStart(6, "0")}`,
        vendorRole: vendor === "TABNINE" ? TABNINE_ROLES[role] : privileged && role !== "TEAM_ADMIN" ? "admin" : "user",
        createdAt,
      });
      if (status === "PENDING") continue;
      const days = activeDays.get(vendor) ?? [];
      const firstDay = days[0] ?? Math.max(0, createdDay);
      const lastDay = days.at(-1) ?? firstDay;
      const deviceCount = ur.chance(0.35) ? 2 : 1;
      for (let k = 0; k < deviceCount; k++) {
        const model = ur.weighted(DEVICE_MODELS[vendor].map((m) => [m, m.weight] as const));
        const seenFrom = k === 0 ? firstDay : ur.int(firstDay, lastDay);
        devices.push({
          id: ur.uuid(),
          organizationId: orgId,
          userId,
          vendor,
          externalId: ur.uuid(),
          os: model.os,
          osVersion: ur.pick(model.osVersions),
          client: model.client,
          clientVersion: ur.pick(model.clientVersions),
          managed: vendor === "TEAMWIRE" && ur.chance(0.4),
          locale: locale ?? "en",
          wipedAt: vendor === "TEAMWIRE" && ur.chance(0.03) ? new Date(start + lastDay * DAY_MS + 20 * 3_600_000) : null,
          firstSeenAt: new Date(start + seenFrom * DAY_MS + 9 * 3_600_000),
          lastSeenAt: new Date(start + lastDay * DAY_MS + 17 * 3_600_000),
        });
      }
    }
  }
  return { index, row, vendors, teams, users, identities, devices };
}
