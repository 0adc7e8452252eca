import { describe, expect, it } from "vitest";
import { engineVersions } from "./schema-engine.js";

describe("schema engine pin", () => {
  it("the WASM schema engine is the exact engine build the installed Prisma expects", () => {
    const { expected, wasm } = engineVersions();
    // A Prisma upgrade without the matching @prisma/schema-engine-wasm must fail here, not at start-up.
    expect(wasm).toBe(expected);
  });
});
