import type { UsageMetric, Vendor } from "../db/generated/enums.js";

/**
 * What the gateway knows about a vendor, as data (no behaviour): how it is named, and which
 * stored metrics it reports (docs/vendors/vendors.md §4.5). Every per-vendor table elsewhere is a
 * `Record<Vendor, …>`, so a vendor added to the Prisma enum is named by the compiler in each.
 */
export interface VendorFacts {
  /** The product's own spelling, for people: messages, OpenAPI, docs. */
  readonly name: string;
  /** Lower-case name for URLs, CLI options and idempotency keys. */
  readonly slug: string;
  /** Other spellings the CLI accepts. */
  readonly aliases: readonly string[];
  /** What the product is. */
  readonly product: string;
  /** The stored metrics it reports (derived ones follow from these). */
  readonly metrics: readonly UsageMetric[];
}

const TABNINE_METRICS: readonly UsageMetric[] = [
  "ACTIVE_USERS",
  "COMPLETION_ACTIVE_USERS",
  "CODE_COMPLETIONS",
  "COMPLETION_CHARS",
  "KEYSTROKES",
  "COMPLETION_LINES",
  "CHAT_ACTIVE_USERS",
  "CHAT_INTERACTIONS",
  "USEFUL_CHAT_INTERACTIONS",
  "CHAT_LINES",
  "CHAT_CHARS",
  "CHAT_CONSUMPTION_RATE",
  "PRODUCTIVITY_FACTOR",
];

/** Every vendor, in the order the gateway lists them (series, OpenAPI, summaries). */
export const VENDOR_REGISTRY: Readonly<Record<Vendor, VendorFacts>> = {
  TEAMWIRE: {
    name: "Teamwire",
    slug: "teamwire",
    aliases: [],
    product: "enterprise messenger",
    metrics: ["MESSAGES_SENT", "CONNECTOR_ACTIVATIONS", "ACTIVE_USERS"],
  },
  ROCKETCHAT: {
    name: "Rocket.Chat",
    slug: "rocketchat",
    aliases: ["rocket.chat"],
    product: "team chat",
    metrics: ["MESSAGES_SENT", "ACTIVE_USERS", "SESSION_SECONDS"],
  },
  TABNINE: { name: "Tabnine", slug: "tabnine", aliases: [], product: "AI code assistant", metrics: TABNINE_METRICS },
};

/** Every vendor, in registry order. */
export const VENDORS = Object.keys(VENDOR_REGISTRY) as [Vendor, ...Vendor[]];

/** The vendor a slug, alias or enum name (any case) names, or undefined. */
export function vendorNamed(text: string): Vendor | undefined {
  const wanted = text.trim().toLowerCase();
  return VENDORS.find((vendor) => {
    const facts = VENDOR_REGISTRY[vendor];
    return vendor.toLowerCase() === wanted || facts.slug === wanted || facts.aliases.includes(wanted);
  });
}

/** "teamwire, rocketchat or tabnine": the slugs, for messages. */
export const VENDOR_SLUGS_TEXT = VENDORS.map((vendor) => VENDOR_REGISTRY[vendor].slug)
  .join(", ")
  .replace(/, ([^,]*)$/, " or $1");
