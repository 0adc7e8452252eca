import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Which addresses the gateway may call with a source's credentials. In production a base URL
 * must be https, and its host must resolve only to public unicast addresses (no loopback,
 * private, link-local, carrier-grade NAT, multicast or reserved ranges), unless the host is listed
 * in SOURCE_ALLOWED_HOSTS (e.g. an on-premises Rocket.Chat in the company network). Outside
 * production every address is allowed (local stubs, laptops).
 */
export interface SourceAddressPolicy {
  readonly enforce: boolean;
  /** Host names or IP literals allowed whatever they resolve to (lower case, no port). */
  readonly allowedHosts: readonly string[];
}

export const OPEN_POLICY: SourceAddressPolicy = Object.freeze({ enforce: false, allowedHosts: [] });

const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/** An IPv6 address as the URL standard writes it, or null: `::8.8.8.8` is `::808:808` (ipaddr.js would read `::ffff:8.8.8.8`). */
function canonicalIPv6(ip: string): string | null {
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return null; // zone ids (fe80::1%eth0): link-local, never public
  }
}

/**
 * Whether `ip` is a public unicast address (IPv4-mapped IPv6 judged as its IPv4 address). The
 * IPv6 transition ranges that embed or reach an IPv4 address (IPv4-compatible ::/96, IPv4-translated,
 * NAT64, 6to4, Teredo) and the deprecated ones (site-local, ORCHID) are not public.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  if (!ip.includes(":")) return ipaddr.process(ip).range() === "unicast";
  const canonical = canonicalIPv6(ip);
  if (canonical === null || ipaddr.IPv6.parse(canonical).match(IPV4_COMPATIBLE)) return false;
  return ipaddr.process(canonical).range() === "unicast";
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
const isListed = (policy: SourceAddressPolicy, url: URL) => policy.allowedHosts.includes(hostOf(url));

/** Whether requests to `url` must connect through {@link guardedLookup} (enforced, host not listed). */
export const needsGuardedConnections = (url: URL, policy: SourceAddressPolicy): boolean => policy.enforce && !isListed(policy, url);

/** Why `url` may not be a source's base URL under `policy` (checked when it is registered), or undefined. */
export function baseUrlProblem(url: URL, policy: SourceAddressPolicy): string | undefined {
  if (!policy.enforce || isListed(policy, url)) return undefined;
  if (url.protocol !== "https:") return "baseUrl must be an https URL (or its host listed in SOURCE_ALLOWED_HOSTS)";
  const host = hostOf(url);
  if (ipaddr.isValid(host) && !isPublicAddress(host)) {
    return "baseUrl must not name a loopback, private or link-local address (or its host must be listed in SOURCE_ALLOWED_HOSTS)";
  }
  return undefined;
}

export type Resolve = (hostname: string) => Promise<readonly string[]>;
const resolveAll: Resolve = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Checks a request URL just before it is sent: its scheme, and every address its host resolves
 * to now (so a name that later points inside the network is refused too).
 * @returns why the request may not be sent, or undefined when it may.
 */
export async function requestProblem(url: URL, policy: SourceAddressPolicy, resolve: Resolve = resolveAll): Promise<string | undefined> {
  if (!policy.enforce || isListed(policy, url)) return undefined;
  const problem = baseUrlProblem(url, policy);
  if (problem) return "the source's address is not allowed";
  const host = hostOf(url);
  let addresses: readonly string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    // Not resolvable now (maybe briefly): the connection fails the same way and is retried as
    // "could not reach the source", which says nothing about the names inside the network.
    return undefined;
  }
  return addresses.length > 0 && addresses.every(isPublicAddress) ? undefined : "the source's address is not allowed";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the sockets of source requests: it resolves the host once more as the connection
 * is made and refuses it unless every address is public, so a name that answered the pre-check
 * with a public address and the connection with an internal one (DNS rebinding) is refused too.
 */
export function guardedLookup(resolve: typeof dnsLookup = dnsLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses;
      if (list.length === 0 || !list.every((entry) => isPublicAddress(entry.address))) {
        return callback(Object.assign(new Error("the source's address is not allowed"), { code: "EADDRNOTALLOWED" }), []);
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
