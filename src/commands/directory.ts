import { createOrganization, createUser, listOrganizations, listUsers, setPassword } from "../auth/directory.service.js";
import type { Config } from "../config.js";
import { withStore } from "../store.js";
import { readPassword } from "./password-input.js";

/** `org` and `user` commands: the directory an operator bootstraps a production store with. */

export interface OrgCreateOptions {
  name: string;
  slug?: string;
  domain?: string[];
}

export async function orgCreateCommand(config: Config, options: OrgCreateOptions): Promise<string> {
  const org = await withStore(config, (prisma) =>
    createOrganization(prisma, { name: options.name, slug: options.slug, domains: options.domain }),
  );
  return `created organization ${org.slug} (${org.name}, number ${org.number}, id ${org.id})`;
}

export async function orgListCommand(config: Config): Promise<string> {
  const orgs = await withStore(config, listOrganizations);
  if (orgs.length === 0) return "no organizations yet: create one with  usage-gateway org create --name <name>";
  return table(
    ["slug", "number", "name", "users", "id"],
    orgs.map((org) => [org.slug, String(org.number), org.name, String(org._count.users), org.id]),
  );
}

export interface UserCreateOptions {
  organization: string;
  email: string;
  role: string;
  firstName?: string;
  lastName?: string;
  withPassword?: boolean;
}

export async function userCreateCommand(config: Config, options: UserCreateOptions): Promise<string> {
  const role = options.role.trim().toUpperCase();
  const signsIn = role === "ADMIN" || role === "SUPERADMIN" || options.withPassword === true;
  const password = signsIn ? await readPassword(`password for ${options.email}`) : undefined;
  const user = await withStore(config, (prisma) => createUser(prisma, { ...options, password }));
  return `created ${user.role} ${user.email} (id ${user.id})${password === undefined ? "" : "; sign in with the login mutation or GraphiQL"}`;
}

export async function userPasswordCommand(config: Config, options: { email: string }): Promise<string> {
  const password = await readPassword(`new password for ${options.email}`);
  await withStore(config, (prisma) => setPassword(prisma, options.email, password));
  return `password of ${options.email} set`;
}

export async function userListCommand(config: Config, options: { organization?: string }): Promise<string> {
  const users = await withStore(config, (prisma) => listUsers(prisma, options.organization));
  if (users.length === 0) return "no users";
  return table(
    ["organization", "email", "role", "status", "password"],
    users.map((user) => [user.organization.slug, user.email, user.role, user.status, user.passwordHash ? "yes" : "no"]),
  );
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
