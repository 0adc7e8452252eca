import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

function capture(): { lines: Record<string, unknown>[]; raw: string[]; stream: { write(line: string): void } } {
  const raw: string[] = [];
  const lines: Record<string, unknown>[] = [];
  return {
    raw,
    lines,
    stream: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  };
}

describe("createLogger", () => {
  it("writes one JSON object per line with an ISO time and a level label", () => {
    const out = capture();
    createLogger("info", out.stream).info({ store: "pglite" }, "store ready");
    expect(out.raw).toHaveLength(1);
    expect(out.raw[0]?.endsWith("\n")).toBe(true);
    expect(out.lines[0]).toMatchObject({ level: "info", store: "pglite", msg: "store ready" });
    expect(new Date(String(out.lines[0]?.time)).toISOString()).toBe(out.lines[0]?.time);
  });

  it("drops lines below the configured level, and everything when silent", () => {
    const out = capture();
    createLogger("warn", out.stream).info("hidden");
    createLogger("silent", out.stream).error("hidden too");
    expect(out.raw).toEqual([]);
  });

  it("redacts credential headers of a logged request", () => {
    const out = capture();
    createLogger("info", out.stream).info({
      req: {
        method: "GET",
        headers: {
          authorization: "Bearer eyJhbGciOi.secret-jwt",
          cookie: "session=cookie-value",
          "x-auth-token": "rc-auth-token",
          "x-user-id": "u1",
        },
      },
    });
    const text = out.raw.join("");
    for (const secret of ["secret-jwt", "cookie-value", "rc-auth-token"]) expect(text).not.toContain(secret);
    expect(out.lines[0]).toMatchObject({ req: { headers: { authorization: "[REDACTED]", "x-user-id": "u1" } } });
  });

  it("redacts password, token and secret keys at any usual depth, in bindings and errors too", () => {
    const out = capture();
    const logger = createLogger("info", out.stream);
    logger.info({ password: "pw-0", user: { passwordHash: "pw-1", token: "tok-1" }, a: { b: { c: { secret: "sec-3" } } } });
    logger.child({ jwtSecret: "bound-secret" }).info({ list: [{ apiToken: "tok-in-array" }] }, "child");
    const error = Object.assign(new Error("boom"), { accessToken: "tok-on-error" });
    logger.error({ err: error }, "failed");
    const text = out.raw.join("");
    for (const secret of ["pw-0", "pw-1", "tok-1", "sec-3", "bound-secret", "tok-in-array", "tok-on-error"]) {
      expect(text).not.toContain(secret);
    }
    expect(out.lines[2]).toMatchObject({ err: { message: "boom", accessToken: "[REDACTED]" } });
  });
});
