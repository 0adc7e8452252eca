import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { parseTtl, signAccessToken, verifyAccessToken } from "./jwt.js";

const settings = { secret: "s".repeat(40), issuer: "usage-gateway", audience: "usage-gateway" };
const claims = { sub: "u1", org: "o1", role: "ADMIN" as const };

describe("access tokens", () => {
  it("round-trips the claims", () => {
    expect(verifyAccessToken(signAccessToken(claims, settings, 60), settings)).toEqual(claims);
  });

  it("rejects expiry, wrong audience, wrong issuer and wrong secret", () => {
    const expired = jwt.sign({ org: "o1", role: "ADMIN", exp: Math.floor(Date.now() / 1000) - 120 }, settings.secret, {
      subject: "u1",
      issuer: settings.issuer,
      audience: settings.audience,
    });
    expect(() => verifyAccessToken(expired, settings)).toThrow(/expired/);
    const token = signAccessToken(claims, settings, 60);
    expect(() => verifyAccessToken(token, { ...settings, audience: "other" })).toThrow(/audience/);
    expect(() => verifyAccessToken(token, { ...settings, issuer: "other" })).toThrow(/issuer/);
    expect(() => verifyAccessToken(token, { ...settings, secret: "t".repeat(40) })).toThrow(/signature/);
  });

  it("rejects alg none and unlisted algorithms", () => {
    const none = jwt.sign({ org: "o1", role: "ADMIN" }, "", {
      algorithm: "none",
      subject: "u1",
      issuer: settings.issuer,
      audience: settings.audience,
    });
    expect(() => verifyAccessToken(none, settings)).toThrow();
    const hs512 = jwt.sign({ org: "o1", role: "ADMIN" }, settings.secret, {
      algorithm: "HS512",
      subject: "u1",
      issuer: settings.issuer,
      audience: settings.audience,
    });
    expect(() => verifyAccessToken(hs512, settings)).toThrow(/invalid algorithm/);
  });

  it("rejects a token without expiry", () => {
    const forever = jwt.sign({ org: "o1", role: "ADMIN" }, settings.secret, {
      subject: "u1",
      issuer: settings.issuer,
      audience: settings.audience,
    });
    expect(() => verifyAccessToken(forever, settings)).toThrow(/exp/);
  });

  it("rejects tokens without the gateway's claims", () => {
    const noOrg = jwt.sign({ role: "ADMIN" }, settings.secret, { subject: "u1", issuer: settings.issuer, audience: settings.audience });
    expect(() => verifyAccessToken(noOrg, settings)).toThrow(/org/);
    const badRole = jwt.sign({ org: "o1", role: "ROOT" }, settings.secret, {
      subject: "u1",
      issuer: settings.issuer,
      audience: settings.audience,
      expiresIn: 60,
    });
    expect(() => verifyAccessToken(badRole, settings)).toThrow(/role/);
  });

  it("parses lifetimes", () => {
    expect(parseTtl("90s")).toBe(90);
    expect(parseTtl("15m")).toBe(900);
    expect(parseTtl("12h")).toBe(43_200);
    expect(parseTtl("30d")).toBe(2_592_000);
    expect(() => parseTtl("0m")).toThrow(/positive/);
    expect(() => parseTtl("soon")).toThrow(/not a lifetime/);
  });
});
