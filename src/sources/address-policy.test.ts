import { describe, expect, it } from "vitest";
import { baseUrlProblem, guardedLookup, isPublicAddress, OPEN_POLICY, requestProblem, type SourceAddressPolicy } from "./address-policy.js";
import { createHttpClient, UpstreamError } from "./http-client.js";

const ENFORCED: SourceAddressPolicy = { enforce: true, allowedHosts: ["rocket.intranet.example", "10.0.0.7"] };
const resolvesTo =
  (...addresses: string[]) =>
  () =>
    Promise.resolve(addresses);

describe("source address policy", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    // IPv4-compatible (::/96, deprecated): the embedded IPv4 address is reachable on some stacks
    "::7f00:1",
    "::127.0.0.1",
    "::8.8.8.8",
    "::a00:1",
    // transition and deprecated ranges
    "::ffff:0:7f00:1", // IPv4-translated (RFC 6145)
    "64:ff9b::7f00:1", // NAT64 (RFC 6052)
    "64:ff9b:1::a00:1", // local NAT64 (RFC 8215)
    "2002:7f00:1::1", // 6to4
    "2001:0:4136:e378::1", // Teredo
    "fec0::1", // site-local
    "2001:10::1", // ORCHID
    "100::1", // discard
    "fe80::1%eth0",
  ])("%s is not public", (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(["8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2a00:1450:4001:80b::200e"])("%s is public", (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  );

  it("refuses an IPv4-compatible IPv6 literal as a base URL", () => {
    expect(baseUrlProblem(new URL("https://[::7f00:1]/"), ENFORCED)).toMatch(/loopback, private or link-local/);
    expect(baseUrlProblem(new URL("https://[::8.8.8.8]/"), ENFORCED)).toMatch(/loopback, private or link-local/);
  });

  it("in production wants https and no internal IP literal, unless the host is listed", () => {
    expect(baseUrlProblem(new URL("http://tabnine.example.com"), ENFORCED)).toMatch(/https/);
    expect(baseUrlProblem(new URL("https://127.0.0.1:8443"), ENFORCED)).toMatch(/loopback, private or link-local/);
    expect(baseUrlProblem(new URL("https://[::1]/"), ENFORCED)).toMatch(/loopback/);
    expect(baseUrlProblem(new URL("https://tabnine.example.com"), ENFORCED)).toBeUndefined();
    expect(baseUrlProblem(new URL("http://10.0.0.7:3000"), ENFORCED)).toBeUndefined();
    expect(baseUrlProblem(new URL("http://127.0.0.1:3000"), OPEN_POLICY)).toBeUndefined();
  });

  it("checks what a host resolves to when the request is sent", async () => {
    const url = new URL("https://tabnine.example.com/api/v1/license");
    expect(await requestProblem(url, ENFORCED, resolvesTo("93.184.216.34"))).toBeUndefined();
    expect(await requestProblem(url, ENFORCED, resolvesTo("93.184.216.34", "10.0.0.9"))).toBe("the source's address is not allowed");
    expect(await requestProblem(url, ENFORCED, resolvesTo())).toBe("the source's address is not allowed");
    expect(await requestProblem(url, ENFORCED, () => Promise.reject(new Error("ENOTFOUND")))).toBeUndefined();
    expect(await requestProblem(new URL("https://rocket.intranet.example/api"), ENFORCED, resolvesTo("10.0.0.5"))).toBeUndefined();
    expect(await requestProblem(url, OPEN_POLICY, resolvesTo("127.0.0.1"))).toBeUndefined();
  });
});

describe("guardedLookup (connection time)", () => {
  const fakeDns = (...addresses: string[]) =>
    ((_host: string, _options: unknown, callback: (error: null, list: { address: string; family: number }[]) => void) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
      )) as unknown as Parameters<typeof guardedLookup>[0];
  const run = (lookup: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      lookup("source.example", { all }, (error, address) => resolve({ error, address })),
    );

  it("connects only when every address is public", async () => {
    expect(await run(guardedLookup(fakeDns("93.184.216.34")), false)).toEqual({ error: null, address: "93.184.216.34" });
    expect((await run(guardedLookup(fakeDns("93.184.216.34", "2001:4860:4860::8888")), true)).address).toHaveLength(2);
    const rebound = await run(guardedLookup(fakeDns("169.254.169.254")), false);
    expect(rebound.error?.code).toBe("EADDRNOTALLOWED");
    expect((await run(guardedLookup(fakeDns("93.184.216.34", "10.0.0.1")), true)).error?.code).toBe("EADDRNOTALLOWED");
  });

  it("refuses the connection even when the pre-check was answered with a public address (DNS rebinding)", async () => {
    const client = createHttpClient({
      baseUrl: "https://localhost:61234",
      addressPolicy: { enforce: true, allowedHosts: [] },
      resolve: () => Promise.resolve(["93.184.216.34"]), // what the name answered first
      maxAttempts: 1,
      timeoutMs: 2_000,
    });
    const failure = await client.getJson("/x").catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect((failure as UpstreamError).message).toBe("GET /x: could not reach the source");
    expect(JSON.stringify(causes(failure as Error))).toContain("EADDRNOTALLOWED");
  });
});

function causes(error: Error | undefined): unknown[] {
  const chain: unknown[] = [];
  for (let cause: unknown = error?.cause; cause; cause = (cause as Error).cause)
    chain.push({ message: (cause as Error).message, code: (cause as { code?: unknown }).code });
  return chain;
}
