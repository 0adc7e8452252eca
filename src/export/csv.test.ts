import { describe, expect, it } from "vitest";
import { csvField, csvRecord, csvRecords } from "./csv.js";

describe("RFC 4180 encoding", () => {
  it("leaves plain fields alone and writes empty fields for null and undefined", () => {
    expect(csvRecord(["a", 1, 0.25, true, null, undefined, ""])).toBe("a,1,0.25,true,,,\r\n");
  });

  it("quotes fields with commas, quotes, CR or LF and doubles their quotes", () => {
    expect(csvField("Sales, EMEA")).toBe('"Sales, EMEA"');
    expect(csvField('the "A" team')).toBe('"the ""A"" team"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\ronly")).toBe('"cr\ronly"');
    expect(csvField('"')).toBe('""""');
  });

  it("keeps UTF-8 text and leading or trailing spaces as they are", () => {
    expect(csvRecord([" Grüße ", "東京"])).toBe(" Grüße ,東京\r\n");
  });

  it("ends every record with CRLF", () => {
    expect(
      csvRecords([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("a,b\r\nc,d\r\n");
    expect(csvRecords([])).toBe("");
  });
});
