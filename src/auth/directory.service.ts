import type { PrismaClient } from "../db/generated/client.js";
import { Role } from "../db/generated/enums.js";
import { touchOrganizations } from "../db/data-version.js";
import { isUuid } from "../ids.js";
import { addressInDomains } from "./access.js";
import { hashPassword } from "./password.js";

const ROLES = Object.values(Role);

/**
 * Organizations and users created by an operator (the CLI's `org` and `user` commands), for a
 * production store that starts without demo data. Each failure is a {@link DirectoryError} whose
 * message names the value at fault.
 */
export class DirectoryError extends Error {}

/** Shortest password accepted for a user who signs in with one. */
export const MIN_PASSWORD_LENGTH = 12;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

export interface NewOrganization {
  readonly name: string;
  readonly slug?: string;
  /** Email domains of the organization's users (ingest and connectors check them). */
  readonly domains?: readonly string[];
}

export async function createOrganization(prisma: PrismaClient, input: NewOrganization) {
  const name = input.name.trim();
  if (!name) throw new DirectoryError("the organization needs a name (--name)");
  const slug = input.slug?.trim() || slugOf(name);
  if (!SLUG.test(slug)) throw new DirectoryError(`"${slug}" is not a valid slug: lower-case letters, digits and dashes, at most 64`);
  const domains = [...new Set((input.domains ?? []).map((domain) => domain.trim().toLowerCase()).filter(Boolean))];
  for (const domain of domains)
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) throw new DirectoryError(`"${domain}" is not an email domain`);
  if (await prisma.organization.findUnique({ where: { slug }, select: { id: true } }))
    throw new DirectoryError(`an organization with slug "${slug}" exists already`);
  return prisma.organization.create({
    data: { name, slug, domains, teams: { create: { name: "Default Team", isDefault: true } } },
    select: { id: true, number: true, slug: true, name: true, domains: true },
  });
}

/** An organization by slug, id or Teamwire number, as an operator types it. */
export async function findOrganization(prisma: PrismaClient, reference: string) {
  const ref = reference.trim();
  const uuid = isUuid(ref);
  const number = /^\d{1,9}$/.test(ref) ? Number(ref) : undefined;
  const org = await prisma.organization.findFirst({
    where: { OR: [{ slug: ref.toLowerCase() }, ...(uuid ? [{ id: ref }] : []), ...(number !== undefined ? [{ number }] : [])] },
    select: { id: true, slug: true, name: true, domains: true },
  });
  if (!org) throw new DirectoryError(`no organization "${ref}" (give its slug, id or number; \`org list\` shows them)`);
  return org;
}

export interface NewUser {
  readonly organization: string;
  readonly email: string;
  readonly role: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** Required for ADMIN and SUPERADMIN (who sign in); optional for the others. */
  readonly password?: string;
}

function checkedPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) throw new DirectoryError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  return hashPassword(password);
}

function checkedRole(role: string): Role {
  const upper = role.trim().toUpperCase();
  if (!(ROLES as string[]).includes(upper)) throw new DirectoryError(`--role must be one of ${ROLES.join(", ")}, not "${role}"`);
  return upper as Role;
}

export async function createUser(prisma: PrismaClient, input: NewUser) {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new DirectoryError(`"${input.email}" is not an email address`);
  const role = checkedRole(input.role);
  if ((role === "ADMIN" || role === "SUPERADMIN") && input.password === undefined)
    throw new DirectoryError(`a ${role} signs in with a password: give one on stdin or at the prompt`);
  const org = await findOrganization(prisma, input.organization);
  if (!addressInDomains(email, org.domains))
    throw new DirectoryError(`${email} is not in the organization's email domains (${org.domains.join(", ")})`);
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } }))
    throw new DirectoryError(`a user with email ${email} exists already`);
  const passwordHash = input.password === undefined ? null : checkedPassword(input.password);
  const [local] = email.split("@") as [string];
  const team = await prisma.team.findFirst({ where: { organizationId: org.id, isDefault: true }, select: { id: true } });
  return prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        organizationId: org.id,
        teamId: team?.id ?? null,
        email,
        username: local,
        firstName: input.firstName?.trim() || local,
        lastName: input.lastName?.trim() ?? "",
        role,
        status: "REGISTERED",
        passwordHash,
      },
      select: { id: true, email: true, role: true, organizationId: true },
    });
    // Gateways running beside the CLI (PostgreSQL) must not keep serving answers without this user.
    await touchOrganizations(tx, [org.id]);
    return created;
  });
}

export async function setPassword(prisma: PrismaClient, emailInput: string, password: string) {
  const email = emailInput.trim().toLowerCase();
  const passwordHash = checkedPassword(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, organizationId: true } });
    if (!user) throw new DirectoryError(`no user with email ${emailInput}`);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await touchOrganizations(tx, [user.organizationId]);
  });
}

export async function listUsers(prisma: PrismaClient, organization?: string) {
  const org = organization === undefined ? undefined : await findOrganization(prisma, organization);
  return prisma.user.findMany({
    where: org ? { organizationId: org.id } : {},
    select: { email: true, role: true, status: true, passwordHash: true, organization: { select: { slug: true } } },
    orderBy: [{ organization: { slug: "asc" } }, { role: "asc" }, { email: "asc" }],
  });
}

export async function listOrganizations(prisma: PrismaClient) {
  return prisma.organization.findMany({
    select: { slug: true, number: true, id: true, name: true, _count: { select: { users: true } } },
    orderBy: { number: "asc" },
  });
}
