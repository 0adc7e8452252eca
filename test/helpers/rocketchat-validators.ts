import { join } from "node:path";
import { pathToFileURL } from "node:url";
import qs from "qs";
import { tsImport } from "tsx/esm/api";
import { vendorPackage } from "./vendor-packages.js";

/** An ajv validate function as @rocket.chat/rest-typings compiles it (it coerces the params in place). */
export interface VendorValidator {
  (params: Record<string, unknown>): boolean;
  errors?: { message?: string }[] | null;
}

/**
 * The query validators of Rocket.Chat's own @rocket.chat/rest-typings 8.8.1, with the ajv instance that
 * package sets up (dist/v1/Ajv.js: coerceTypes, allowUnionTypes, ajv-formats). Its dist is ESM with
 * extensionless imports, which Node cannot load as is; tsx loads just the statistics module and its Ajv.
 */
export async function rocketChatValidators(): Promise<{ statistics: VendorValidator; statisticsList: VendorValidator }> {
  const dist = join(vendorPackage("@rocket.chat/rest-typings", "8.8.1"), "dist", "v1");
  const module = (await tsImport(pathToFileURL(join(dist, "statistics.js")).href, import.meta.url)) as Record<string, VendorValidator>;
  return { statistics: module.isStatisticsProps!, statisticsList: module.isStatisticsListProps! };
}

/** Rocket.Chat's verdict on a query string: qs as its router parses it, then the validator; the message as its router joins it. */
export function vendorVerdict(validator: VendorValidator, search: string): { ok: true } | { ok: false; error: string } {
  const params = qs.parse(search, { arrayLimit: 500, throwOnLimitExceeded: true }) as Record<string, unknown>;
  if (validator(params)) return { ok: true };
  return { ok: false, error: (validator.errors ?? []).map((error) => error.message).join("\n") };
}
