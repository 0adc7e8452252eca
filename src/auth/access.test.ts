import { describe, expect, it } from "vitest";
import type { Role } from "../db/generated/enums.js";
import { DomainError } from "../errors.js";
import { ingestAuthority, mayWriteTo, rolesBelow } from "./access.js";
import type { Viewer } from "./viewer.js";

const viewer = (role: Role): Viewer => ({ userId: "u1", organizationId: "o1", role, teamId: null, via: "jwt" });
const codeOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return "no error";
};

describe("rolesBelow", () => {
  it("orders SUPERADMIN > ADMIN > TEAM_ADMIN > MEMBER and never includes the role itself", () => {
    expect(rolesBelow("SUPERADMIN")).toEqual(["ADMIN", "TEAM_ADMIN", "MEMBER"]);
    expect(rolesBelow("ADMIN")).toEqual(["TEAM_ADMIN", "MEMBER"]);
    expect(rolesBelow("TEAM_ADMIN")).toEqual(["MEMBER"]);
    expect(rolesBelow("MEMBER")).toEqual([]);
  });
});

describe("ingestAuthority", () => {
  it("lets a SUPERADMIN write to any organization and an ADMIN to its own only", () => {
    const all = ingestAuthority(viewer("SUPERADMIN"));
    expect(mayWriteTo(all, "o1")).toBe(true);
    expect(mayWriteTo(all, "o2")).toBe(true);
    const own = ingestAuthority(viewer("ADMIN"));
    expect(mayWriteTo(own, "o1")).toBe(true);
    expect(mayWriteTo(own, "o2")).toBe(false);
    expect(all.manages).toEqual(["ADMIN", "TEAM_ADMIN", "MEMBER"]);
    expect(own.manages).toEqual(["TEAM_ADMIN", "MEMBER"]);
  });

  it("refuses other roles (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)", () => {
    expect(codeOf(() => ingestAuthority(viewer("TEAM_ADMIN")))).toBe("FORBIDDEN");
    expect(codeOf(() => ingestAuthority(viewer("MEMBER")))).toBe("FORBIDDEN");
    expect(codeOf(() => ingestAuthority(null))).toBe("UNAUTHENTICATED");
  });

  it("holds a connector to the organizations it lists", () => {
    expect(mayWriteTo({ organizations: ["o3"], manages: [], aboveManaged: "refuse" }, "o3")).toBe(true);
    expect(mayWriteTo({ organizations: ["o3"], manages: [], aboveManaged: "refuse" }, "o1")).toBe(false);
    expect(mayWriteTo({ organizations: [], manages: [], aboveManaged: "refuse" }, "o1")).toBe(false);
  });
});
