import { assertAdministersOrganization, requireViewer } from "../auth/access.js";
import type { Viewer } from "../auth/viewer.js";
import type { Prisma } from "../db/database.js";
import { touchOrganizations } from "../db/data-version.js";
import type { Source } from "../db/generated/client.js";
import type { Vendor } from "../db/generated/enums.js";
import { badInput, DomainError, notFound } from "../errors.js";
import type DataLoader from "dataloader";
import { baseUrlProblem, OPEN_POLICY, type SourceAddressPolicy } from "./address-policy.js";
import { credentialsProblem } from "./connectors.js";
import { encryptCredentials, SourceCredentialsSchema } from "./credentials.js";
import type { SourceRuntime } from "./runtime.js";

/** Responsible for registering an organization's vendor sources. Authorization via auth/access.ts. */

/** Credential fields as a caller gives them; empty strings count as absent. */
export interface CredentialFields {
  readonly token?: string | null;
  readonly userId?: string | null;
  readonly authToken?: string | null;
  readonly email?: string | null;
  readonly password?: string | null;
}

export interface SourceRegistration {
  /** Default: the viewer's organization. */
  readonly organizationId?: string | null;
  readonly vendor: Vendor;
  /** Absolute http(s) URL; a trailing slash is dropped. */
  readonly baseUrl: string;
  readonly externalId?: string | null;
  /** Omitted: stored credentials are kept. */
  readonly credentials?: CredentialFields | null;
}

export interface RegistrationDeps {
  readonly viewer: Viewer | null;
  readonly prisma: Prisma;
  readonly loaders: { readonly organizationById: DataLoader<string, { readonly id: string } | null> };
  readonly sources: SourceRuntime | undefined;
}

/** The sources runtime, or a clear error when the gateway was started without it. */
export function requireSourceRuntime(sources: SourceRuntime | undefined): SourceRuntime {
  if (!sources) throw new DomainError("BAD_USER_INPUT", "this gateway is not configured for source credentials and syncs");
  return sources;
}

/**
 * Validates credentials for the vendor and encrypts them for Source.encryptedCredentials.
 * @throws DomainError BAD_USER_INPUT when the vendor needs other fields (the message never repeats
 * a value), or when the gateway has no sources runtime.
 */
export async function storeableCredentials(
  sources: SourceRuntime | undefined,
  organizationId: string,
  vendor: Vendor,
  input: CredentialFields,
): Promise<Uint8Array<ArrayBuffer>> {
  const present = Object.fromEntries(Object.entries(input).filter(([, value]) => typeof value === "string" && value !== ""));
  const parsed = SourceCredentialsSchema.safeParse(present);
  if (!parsed.success)
    throw badInput(`credentials.${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`, {
      argument: "credentials",
    });
  const problem = credentialsProblem(vendor, parsed.data);
  if (problem) throw badInput(`credentials: ${problem}`, { argument: "credentials" });
  return encryptCredentials(parsed.data, await requireSourceRuntime(sources).credentialsKey(), organizationId, vendor);
}

function normalizedBaseUrl(baseUrl: string, policy: SourceAddressPolicy): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw badInput("baseUrl must be an absolute http(s) URL", { argument: "baseUrl" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw badInput("baseUrl must be an absolute http(s) URL", { argument: "baseUrl" });
  const problem = baseUrlProblem(url, policy);
  if (problem) throw badInput(problem, { argument: "baseUrl" });
  return url.toString().replace(/\/$/, "");
}

/**
 * Registers (or updates) the organization's source for a vendor, in one transaction that also
 * raises the organization's data version.
 * @throws UNAUTHENTICATED without a viewer; NOT_FOUND/FORBIDDEN unless the viewer administers the
 * organization; BAD_USER_INPUT for a bad URL or credentials.
 */
export async function registerSource(deps: RegistrationDeps, input: SourceRegistration): Promise<Source> {
  const viewer = requireViewer(deps.viewer);
  const organizationId = input.organizationId ?? viewer.organizationId;
  assertAdministersOrganization(viewer, organizationId, "registering a source");
  if (!(await deps.loaders.organizationById.load(organizationId))) throw notFound("organization", organizationId);
  const data = {
    baseUrl: normalizedBaseUrl(input.baseUrl, deps.sources?.http.addressPolicy ?? OPEN_POLICY),
    externalId: input.externalId ?? null,
    ...(input.credentials
      ? { encryptedCredentials: await storeableCredentials(deps.sources, organizationId, input.vendor, input.credentials) }
      : {}),
  };
  return deps.prisma.$transaction(async (tx) => {
    const source = await tx.source.upsert({
      where: { organizationId_vendor: { organizationId, vendor: input.vendor } },
      create: { organizationId, vendor: input.vendor, ...data },
      update: data,
    });
    await touchOrganizations(tx, [organizationId]);
    return source;
  });
}
