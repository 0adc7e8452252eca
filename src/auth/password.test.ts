import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.js";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = hashPassword("correct horse");
    expect(stored).toMatch(/^scrypt\$[\w-]+\$[\w-]{43}$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct hors", stored)).toBe(false);
  });

  it("salts randomly unless a salt is given", () => {
    expect(hashPassword("x")).not.toBe(hashPassword("x"));
    expect(hashPassword("x", "fixed")).toBe(hashPassword("x", "fixed"));
  });

  it("rejects stored values of another format", async () => {
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "scrypt$salt$short")).toBe(false);
  });
});
