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

  it("defuses text a spreadsheet would run as a formula, but not numbers", () => {
    expect(csvField('=HYPERLINK("http://x.example","click")')).toBe(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    expect(csvField("+49 40 1234")).toBe("'+49 40 1234");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField(-1)).toBe("-1");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a=b")).toBe("a=b");
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
