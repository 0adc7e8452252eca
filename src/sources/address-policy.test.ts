import { describe, expect, it } from "vitest";
import { baseUrlProblem, isPublicAddress, OPEN_POLICY, requestProblem, type SourceAddressPolicy } from "./address-policy.js";

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
  ])("%s is not public", (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(["8.8.8.8", "2001:4860:4860::8888"])("%s is public", (ip) => expect(isPublicAddress(ip)).toBe(true));

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
    expect(await requestProblem(url, ENFORCED, () => Promise.reject(new Error("ENOTFOUND")))).toBe(
      "the source's host name does not resolve",
    );
    expect(await requestProblem(new URL("https://rocket.intranet.example/api"), ENFORCED, resolvesTo("10.0.0.5"))).toBeUndefined();
    expect(await requestProblem(url, OPEN_POLICY, resolvesTo("127.0.0.1"))).toBeUndefined();
  });
});
