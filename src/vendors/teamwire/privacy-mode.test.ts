import { describe, expect, it } from "vitest";
import { TeamwirePrivacyMode } from "../../db/generated/enums.js";
import { teamwireDashboard } from "./dashboard.js";
import { DEFAULT_PRIVACY_MODE, privacyModeOf, TEAMWIRE_PRIVACY_MODES } from "./privacy-mode.js";

describe("Teamwire privacy modes", () => {
  it("are Teamwire's four documented strings, one per stored mode", () => {
    expect(Object.keys(TEAMWIRE_PRIVACY_MODES).sort()).toEqual(Object.keys(TeamwirePrivacyMode).sort());
    expect(Object.values(TEAMWIRE_PRIVACY_MODES).sort()).toEqual([
      "Address book only",
      "Groups only",
      "Internal and external",
      "Internal only",
    ]);
    expect(TEAMWIRE_PRIVACY_MODES[DEFAULT_PRIVACY_MODE]).toBe("Internal and external");
  });

  it("reads Teamwire's strings and the identifiers, whatever the case, blanks or underscores", () => {
    for (const [mode, text] of Object.entries(TEAMWIRE_PRIVACY_MODES)) {
      expect(privacyModeOf(text)).toBe(mode);
      expect(privacyModeOf(mode)).toBe(mode);
      expect(privacyModeOf(`  ${text.toUpperCase()} `)).toBe(mode);
    }
    expect(privacyModeOf("internal_only")).toBe("INTERNAL_ONLY");
    expect(privacyModeOf("Internal  and\texternal")).toBe("INTERNAL_AND_EXTERNAL");
  });

  it("knows no other mode", () => {
    for (const text of ["standard", "strict", "", "Internal", "Internal only!", "Groups", "constructor", "__proto__"]) {
      expect(privacyModeOf(text), text).toBeUndefined();
    }
  });

  it("the served dashboard admits exactly Teamwire's strings as `settings`", () => {
    const dashboard = {
      settings: "Groups only",
      users_count: 1,
      pending_users_count: 0,
      groups_count: 0,
      domains_count: 1,
      admins_count: 1,
      company: "Nordhafen",
      license_count: 5,
      admins: [],
    };
    expect(teamwireDashboard.safeParse(dashboard).success).toBe(true);
    for (const settings of ["standard", "GROUPS_ONLY", "groups only"])
      expect(teamwireDashboard.safeParse({ ...dashboard, settings }).success, settings).toBe(false);
  });
});
