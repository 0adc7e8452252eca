import type { GraphQLContext } from "../../context.js";
import type { Vendor } from "../../db/generated/enums.js";
import { badInput } from "../../errors.js";
import { credentialsProblem, encryptCredentials, SourceCredentialsSchema } from "../../sources/credentials.js";
import type { SourceCredentialsInput } from "./source-credentials.input.js";
import { requireSourceRuntime } from "./sync.resolver.js";

/**
 * Validates credentials for the vendor and encrypts them for Source.encryptedCredentials.
 * @throws DomainError BAD_USER_INPUT when the vendor needs other fields (the message never repeats a value).
 */
export async function storeableCredentials(ctx: GraphQLContext, organizationId: string, vendor: Vendor, input: SourceCredentialsInput): Promise<Uint8Array<ArrayBuffer>> {
  const present = Object.fromEntries(Object.entries(input).filter(([, value]) => typeof value === "string" && value !== ""));
  const parsed = SourceCredentialsSchema.safeParse(present);
  if (!parsed.success) throw badInput(`credentials.${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`, { argument: "credentials" });
  const problem = credentialsProblem(vendor, parsed.data);
  if (problem) throw badInput(`credentials: ${problem}`, { argument: "credentials" });
  return encryptCredentials(parsed.data, await requireSourceRuntime(ctx).credentialsKey(), organizationId, vendor);
}
