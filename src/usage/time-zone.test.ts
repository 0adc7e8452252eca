import { describe, expect, it } from "vitest";
import { canonicalTimeZone, TimeZoneError } from "./time-zone.js";

describe("canonicalTimeZone", () => {
  it("turns UTC and its aliases into UTC and keeps other IANA names as given", () => {
    for (const name of ["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Zulu"]) expect(canonicalTimeZone(name)).toBe("UTC");
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
  });

  it("refuses offsets, unknown names and paths, quoting them printably", () => {
    for (const name of ["+02:00", "Mars/Olympus_Mons", "../etc/passwd", "", "Europe/Berlin\u0007"]) {
      expect(() => canonicalTimeZone(name)).toThrow(TimeZoneError);
    }
    expect(() => canonicalTimeZone("Bad\u0007Zone")).toThrow(/"Bad\?Zone" is not one/);
  });
});
