import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { credentialsProblem } from "./connectors.js";
import { decryptCredentials, encryptCredentials, resolveCredentialsKey } from "./credentials.js";

const ORG = "9a3895ca-1c27-4231-8978-85ae00267d02";

describe("source credentials", () => {
  const key = randomBytes(32);

  it("round-trips and never stores the secret in clear", () => {
    const blob = encryptCredentials({ userId: "u1", authToken: "very-secret-token" }, key, ORG, "ROCKETCHAT");
    expect(Buffer.from(blob).toString("latin1")).not.toContain("very-secret-token");
    expect(decryptCredentials(blob, key, ORG, "ROCKETCHAT")).toEqual({ userId: "u1", authToken: "very-secret-token" });
  });

  it("uses a fresh IV each time", () => {
    const a = encryptCredentials({ token: "t" }, key, ORG, "TABNINE");
    const b = encryptCredentials({ token: "t" }, key, ORG, "TABNINE");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it("refuses another key, another source, and a tampered blob", () => {
    const blob = encryptCredentials({ token: "t" }, key, ORG, "TABNINE");
    expect(() => decryptCredentials(blob, randomBytes(32), ORG, "TABNINE")).toThrow(/do not decrypt/);
    expect(() => decryptCredentials(blob, key, ORG, "TEAMWIRE")).toThrow(/do not decrypt/);
    const tampered = Uint8Array.from(blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptCredentials(tampered, key, ORG, "TABNINE")).toThrow(/do not decrypt/);
    expect(() => decryptCredentials(new Uint8Array([9, 1, 2]), key, ORG, "TABNINE")).toThrow(/unreadable/);
  });

  it("names what each vendor needs", () => {
    expect(credentialsProblem("TABNINE", {})).toMatch(/token/);
    expect(credentialsProblem("TABNINE", { token: "x" })).toBeUndefined();
    expect(credentialsProblem("ROCKETCHAT", { userId: "u" })).toMatch(/authToken/);
    expect(credentialsProblem("TEAMWIRE", { email: "a@b.test", password: "p" })).toBeUndefined();
    expect(credentialsProblem("TEAMWIRE", { email: "a@b.test" })).toMatch(/email and password/);
  });
});

describe("resolveCredentialsKey", () => {
  it("uses SOURCE_CREDENTIALS_KEY when set", async () => {
    const configured = randomBytes(32);
    const config = loadConfig({ SOURCE_CREDENTIALS_KEY: configured.toString("base64") });
    expect((await resolveCredentialsKey(config)).equals(configured)).toBe(true);
  });

  it("rejects a key that is not 32 bytes of base64", () => {
    expect(() => loadConfig({ SOURCE_CREDENTIALS_KEY: "short" })).toThrow(/SOURCE_CREDENTIALS_KEY: must be 32 bytes/);
  });

  it("generates a key once in DATA_DIR outside production, and refuses to in production", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ug-key-"));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      const first = await resolveCredentialsKey(config);
      expect(first).toHaveLength(32);
      expect((await resolveCredentialsKey(config)).equals(first)).toBe(true);
      const file = path.join(dir, "source-credentials-key");
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(Buffer.from((await readFile(file, "utf8")).trim(), "base64").equals(first)).toBe(true);
      const production = loadConfig({ DATA_DIR: dir, NODE_ENV: "production", JWT_SECRET: "x".repeat(40) });
      await expect(resolveCredentialsKey(production)).rejects.toThrow(/SOURCE_CREDENTIALS_KEY is not configured/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
